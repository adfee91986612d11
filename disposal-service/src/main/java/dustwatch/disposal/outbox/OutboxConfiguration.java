package dustwatch.disposal.outbox;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.topic.Topics;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * The outbox's Kafka producer (idempotent, {@code acks=all}, serdes of {@code Topics.DISPOSAL_EVENTS}), the topic
 * it writes, and the relay's fixed-delay schedule ({@code dustwatch.disposal.outbox.poll-interval}).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    NewTopic disposalEventsTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") short replicas,
            @Value("${dustwatch.disposal.kafka.partitions}") int partitions) {
        return Topics.DISPOSAL_EVENTS.newTopic(partitions, replicas);
    }

    @Bean
    ProducerFactory<String, DisposalEvent> disposalEventProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new DefaultKafkaProducerFactory<>(config, Topics.DISPOSAL_EVENTS.keySerde().serializer(),
                Topics.DISPOSAL_EVENTS.valueSerde().serializer());
    }

    @Bean
    KafkaTemplate<String, DisposalEvent> disposalEventTemplate(ProducerFactory<String, DisposalEvent> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                            KafkaTemplate<String, DisposalEvent> template, OutboxProperties properties,
                            ObjectProvider<ObservationRegistry> observations) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), template, properties,
                observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    @Bean
    SchedulingConfigurer outboxSchedule(OutboxRelay relay, OutboxProperties properties) {
        return registrar -> registrar.addFixedDelayTask(relay::relayOnce, properties.pollInterval());
    }
}
