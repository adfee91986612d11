/** The one typed topic registry: every Kafka topic with its name, key serde and value serde. */
package dustwatch.contracts.topic;
