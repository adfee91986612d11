/** Kafka adapter of the readings store: the read-committed listener on dust.realtime. */
package dustwatch.ingest.readings.messaging;
