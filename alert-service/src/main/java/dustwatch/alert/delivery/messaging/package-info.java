/** Kafka adapters of delivery: the warning consumer, the notification producer and the topic declarations. */
package dustwatch.alert.delivery.messaging;
