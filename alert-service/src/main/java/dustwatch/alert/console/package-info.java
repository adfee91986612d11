/** Console push (值班台推送): one bounded queue and sender per connected on-duty console, replay of the last hour. */
package dustwatch.alert.console;
