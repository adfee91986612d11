/** What disposal tells Prometheus: overdue warnings by colour, outbox backlog. */
package dustwatch.disposal.observability;
