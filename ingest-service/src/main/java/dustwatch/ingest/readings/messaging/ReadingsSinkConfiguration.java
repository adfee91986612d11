package dustwatch.ingest.readings.messaging;

import dustwatch.contracts.reading.ReadingBatch;
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

import java.util.HashMap;
import java.util.Map;

/**
 * The listener container of the readings sink: read_committed, deserializers from {@link Topics#READINGS}
 * (a record that cannot be decoded is logged and skipped instead of blocking the partition), retries with
 * back-off for database failures.
 */
@Configuration(proxyBeanMethods = false)
public class ReadingsSinkConfiguration {
    /** Bean name of the container factory. */
    public static final String FACTORY = "readingsSinkFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ReadingBatch> readingsSinkFactory(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, ReadingBatch> consumers = new DefaultKafkaConsumerFactory<>(props,
                new ErrorHandlingDeserializer<>(Topics.READINGS.keySerde().deserializer()),
                new ErrorHandlingDeserializer<>(Topics.READINGS.valueSerde().deserializer()));
        ConcurrentKafkaListenerContainerFactory<String, ReadingBatch> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(2000L, 5)));
        return factory;
    }
}
