/** What ingest tells Prometheus: pushed messages by outcome and reason code, push latency, outbox backlog. */
package dustwatch.ingest.observability;
