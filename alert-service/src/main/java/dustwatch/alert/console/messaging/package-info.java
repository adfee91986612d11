/** Kafka adapter of the console: the reader of {@code dust.disposal-events} (state changes and escalation steps). */
package dustwatch.alert.console.messaging;
