/** Kafka adapter of the warning feature: consumes warnings from {@code Topics.WARNINGS}. */
package dustwatch.disposal.warning.messaging;
