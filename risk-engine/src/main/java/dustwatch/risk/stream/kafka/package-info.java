/** Runs the topology inside Spring: KafkaStreams lifecycle, topic declarations, interactive queries. */
package dustwatch.risk.stream.kafka;
