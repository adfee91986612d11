package dustwatch.ingest.platform;

import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka wiring: the topics ingest produces and consumes (created idempotently at start-up, 3 partitions) and
 * one idempotent {@code acks=all} producer whose values are already encoded by the topic's serde.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    NewTopic readingsTopic(IngestProperties properties) {
        return Topics.READINGS.newTopic(3, properties.replicationFactor());
    }

    @Bean
    NewTopic heartbeatsTopic(IngestProperties properties) {
        return Topics.HEARTBEATS.newTopic(3, properties.replicationFactor());
    }

    @Bean
    NewTopic registryTopic(IngestProperties properties) {
        return Topics.REGISTRY.newTopic(3, properties.replicationFactor());
    }

    @Bean
    KafkaTemplate<String, byte[]> ingestKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(props,
                Topics.READINGS.keySerde().serializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(factory);
    }

    /** The clock every time rule reads (UTC; local times are interpreted in Asia/Shanghai where parsed). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
