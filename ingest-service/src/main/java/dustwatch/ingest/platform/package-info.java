/** Cross-cutting wiring of ingest: Kafka topics and the producer that waits for acks, the city-node rule for registry writes, 503 answers. */
package dustwatch.ingest.platform;
