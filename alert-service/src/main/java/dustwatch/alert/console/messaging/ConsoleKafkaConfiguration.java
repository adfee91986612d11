package dustwatch.alert.console.messaging;

import dustwatch.alert.delivery.DeliveryProperties;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Map;

/**
 * The read-committed consumer of {@code dust.disposal-events} with the serdes of {@link Topics}; a record that is not a
 * DisposalEvent is logged and skipped, a failed one retried as delivery retries ({@code dustwatch.alert.delivery.retry-*}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleKafkaConfiguration {
    /** Name of the listener container factory of {@link DisposalEventListener}. */
    static final String DISPOSAL_LISTENER_FACTORY = "consoleDisposalListenerContainerFactory";

    @Bean(DISPOSAL_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, DisposalEvent> consoleDisposalListenerContainerFactory(
            KafkaProperties kafka, DeliveryProperties delivery) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var consumers = new DefaultKafkaConsumerFactory<>(props,
                new ErrorHandlingDeserializer<>(Topics.DISPOSAL_EVENTS.keySerde().deserializer()),
                new ErrorHandlingDeserializer<>(Topics.DISPOSAL_EVENTS.valueSerde().deserializer()));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, DisposalEvent>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(delivery.retryInterval().toMillis(), delivery.retryAttempts())));
        return factory;
    }
}
