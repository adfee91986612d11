package dustwatch.alert.delivery.messaging;

import dustwatch.alert.delivery.DeliveryProperties;
import dustwatch.contracts.notification.Notification;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Map;

/**
 * Kafka wiring with the serdes of {@link Topics} only: a read-committed consumer of {@code dust.warning}, an
 * idempotent ({@code acks=all}) producer of {@code dust.notifications}, and both topics declared (3 partitions,
 * replication {@code ${KAFKA_REPLICATION_FACTOR:1}}). Connection settings come from {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {
    /** Name of the listener container factory of {@link WarningListener}. */
    static final String WARNING_LISTENER_FACTORY = "warningListenerContainerFactory";

    @Bean
    NewTopic warningsTopic(@Value("${dustwatch.alert.kafka.replication-factor:1}") short replicas,
            @Value("${dustwatch.alert.kafka.partitions}") int partitions) {
        return Topics.WARNINGS.newTopic(partitions, replicas);
    }

    @Bean
    NewTopic notificationsTopic(@Value("${dustwatch.alert.kafka.replication-factor:1}") short replicas,
            @Value("${dustwatch.alert.kafka.partitions}") int partitions) {
        return Topics.NOTIFICATIONS.newTopic(partitions, replicas);
    }

    @Bean(WARNING_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, Warning> warningListenerContainerFactory(
            KafkaProperties kafka, DeliveryProperties delivery) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A record that is not a Warning is logged and skipped by the error handler instead of blocking its partition.
        var consumers = new DefaultKafkaConsumerFactory<>(props,
                new ErrorHandlingDeserializer<>(Topics.WARNINGS.keySerde().deserializer()),
                new ErrorHandlingDeserializer<>(Topics.WARNINGS.valueSerde().deserializer()));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, Warning>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(delivery.retryInterval().toMillis(), delivery.retryAttempts())));
        return factory;
    }

    @Bean
    KafkaTemplate<String, Notification> notificationTemplate(KafkaProperties kafka) {
        Map<String, Object> props = kafka.buildProducerProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props,
                Topics.NOTIFICATIONS.keySerde().serializer(), Topics.NOTIFICATIONS.valueSerde().serializer()));
    }
}
