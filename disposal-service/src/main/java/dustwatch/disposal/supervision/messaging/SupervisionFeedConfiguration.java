package dustwatch.disposal.supervision.messaging;

import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * The supervision feed consumer (group {@code dustwatch-disposal-supervision}): raw bytes, decided per topic by the
 * listener with the topic's own serde (a malformed record is skipped there), manual commits after the database
 * transaction, retry with back-off while the database is away. The topics are declared so the consumer can start
 * before the producing services created them.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionFeedConfiguration {

    @Bean
    NewTopic supervisionRegistryTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") short replicas,
            @Value("${dustwatch.disposal.kafka.partitions}") int partitions) {
        return Topics.REGISTRY.newTopic(partitions, replicas);
    }

    @Bean
    NewTopic supervisionReadingsTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") short replicas,
            @Value("${dustwatch.disposal.kafka.partitions}") int partitions) {
        return Topics.READINGS.newTopic(partitions, replicas);
    }

    @Bean
    NewTopic supervisionOfflineTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") short replicas,
            @Value("${dustwatch.disposal.kafka.partitions}") int partitions) {
        return Topics.OFFLINE.newTopic(partitions, replicas);
    }

    @Bean
    NewTopic supervisionCleaningPlansTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") short replicas,
            @Value("${dustwatch.disposal.kafka.partitions}") int partitions) {
        return Topics.CLEANING_PLANS.newTopic(partitions, replicas);
    }

    @Bean
    NewTopic supervisionCheckInsTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") short replicas,
            @Value("${dustwatch.disposal.kafka.partitions}") int partitions) {
        return Topics.CLEANING_CHECK_INS.newTopic(partitions, replicas);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> supervisionFeedContainerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        factory.setBatchListener(true);
        return factory;
    }
}
