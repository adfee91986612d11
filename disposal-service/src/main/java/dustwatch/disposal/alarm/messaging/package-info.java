/** Kafka adapter of alarm handling: consumes {@code Topics.ALARMS}. */
package dustwatch.disposal.alarm.messaging;
