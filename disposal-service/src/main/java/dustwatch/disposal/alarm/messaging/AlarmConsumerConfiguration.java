package dustwatch.disposal.alarm.messaging;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * The alarm consumer: serdes of {@code Topics.ALARMS} (a malformed record is skipped), read_committed, manual
 * commits after the database transaction, retry with back-off while the database is away.
 */
@Configuration(proxyBeanMethods = false)
class AlarmConsumerConfiguration {

    @Bean
    NewTopic alarmsTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") short replicas,
            @Value("${dustwatch.disposal.kafka.partitions}") int partitions) {
        return Topics.ALARMS.newTopic(partitions, replicas);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Alarm> alarmListenerContainerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConcurrentKafkaListenerContainerFactory<String, Alarm> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config,
                new ErrorHandlingDeserializer<>(Topics.ALARMS.keySerde().deserializer()),
                new ErrorHandlingDeserializer<>(Topics.ALARMS.valueSerde().deserializer())));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
