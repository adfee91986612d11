/** Console push (值班台推送): a persisted, numbered event log replayed by Last-Event-ID; one bounded queue and sender per connected on-duty console. */
package dustwatch.alert.console;
