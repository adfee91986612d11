package dustwatch.disposal.warning.messaging;

import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * The warning consumer: serdes of {@code Topics.WARNINGS} (a malformed record is logged and skipped rather
 * than blocking its partition), {@code isolation.level=read_committed}, manual offset commits after the
 * database transaction, and retry with back-off (0.5 s doubling to 30 s, without end) while the database is away.
 */
@Configuration(proxyBeanMethods = false)
class WarningConsumerConfiguration {

    @Bean
    NewTopic warningsTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") short replicas,
            @Value("${dustwatch.disposal.kafka.partitions}") int partitions) {
        return Topics.WARNINGS.newTopic(partitions, replicas);
    }

    @Bean
    ConsumerFactory<String, Warning> warningConsumerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(config,
                new ErrorHandlingDeserializer<>(Topics.WARNINGS.keySerde().deserializer()),
                new ErrorHandlingDeserializer<>(Topics.WARNINGS.valueSerde().deserializer()));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Warning> kafkaListenerContainerFactory(
            ConsumerFactory<String, Warning> warningConsumerFactory) {
        ConcurrentKafkaListenerContainerFactory<String, Warning> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(warningConsumerFactory);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
