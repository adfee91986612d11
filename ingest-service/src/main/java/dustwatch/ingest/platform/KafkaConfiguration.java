package dustwatch.ingest.platform;

import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka wiring: the topics ingest produces and consumes (created idempotently at start-up, {@code KAFKA_PARTITIONS} partitions) and
 * a pool of transactional, idempotent {@code acks=all} producers whose values are already encoded by the topic's
 * serde ({@link EventSender} binds one Kafka transaction to each request's database transaction).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    NewTopic readingsTopic(IngestProperties properties) {
        return Topics.READINGS.newTopic(properties.partitions(), properties.replicationFactor());
    }

    @Bean
    NewTopic heartbeatsTopic(IngestProperties properties) {
        return Topics.HEARTBEATS.newTopic(properties.partitions(), properties.replicationFactor());
    }

    @Bean
    NewTopic registryTopic(IngestProperties properties) {
        return Topics.REGISTRY.newTopic(properties.partitions(), properties.replicationFactor());
    }

    /** The transactional producers of {@link EventSender} (not Spring Boot's: no KafkaTransactionManager is made). */
    @Bean
    TransactionalProducers transactionalProducers(KafkaProperties kafka, IngestProperties properties) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new TransactionalProducers(props, properties.transactionIdPrefix());
    }

    /** The clock every time rule reads (UTC; local times are interpreted in Asia/Shanghai where parsed). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
