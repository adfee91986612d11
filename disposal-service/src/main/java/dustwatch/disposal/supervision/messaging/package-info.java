/** Kafka adapter of supervision: consumes the registry, readings, offline and cleaning topics into its own tables. */
package dustwatch.disposal.supervision.messaging;
