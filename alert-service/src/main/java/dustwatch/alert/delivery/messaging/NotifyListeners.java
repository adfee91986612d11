package dustwatch.alert.delivery.messaging;

import dustwatch.alert.delivery.DeliveryProperties;
import dustwatch.alert.delivery.Intake;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Map;

/**
 * Consumers of {@code dust.disposal-events} (sign-in ends reminders; escalation steps and overdue alarms are
 * announced) and {@code dust.offline} (offline enterprises' warnings are held), group {@code dustwatch-alert-notify}.
 */
@Configuration(proxyBeanMethods = false)
class NotifyListeners {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyListeners.class);
    private static final String GROUP = "dustwatch-alert-notify";

    private final Intake intake;

    NotifyListeners(Intake intake) {
        this.intake = intake;
    }

    @Bean
    static ConcurrentKafkaListenerContainerFactory<String, DisposalEvent> disposalListenerContainerFactory(
            KafkaProperties kafka, DeliveryProperties delivery) {
        return factory(kafka, delivery, Topics.DISPOSAL_EVENTS);
    }

    @Bean
    static ConcurrentKafkaListenerContainerFactory<String, OfflineEvent> offlineListenerContainerFactory(
            KafkaProperties kafka, DeliveryProperties delivery) {
        return factory(kafka, delivery, Topics.OFFLINE);
    }

    @KafkaListener(id = "alert-disposal-events", groupId = GROUP,
            topics = "#{T(dustwatch.contracts.topic.Topics).DISPOSAL_EVENTS.name()}",
            containerFactory = "disposalListenerContainerFactory")
    void onDisposal(ConsumerRecord<String, DisposalEvent> record) {
        if (record.value() != null) {
            try {
                intake.disposal(record.value());
            } catch (IllegalArgumentException bad) {
                LOG.warn("disposal event at {}@{} skipped: {}", record.partition(), record.offset(), bad.getMessage());
            }
        }
    }

    @KafkaListener(id = "alert-offline", groupId = GROUP,
            topics = "#{T(dustwatch.contracts.topic.Topics).OFFLINE.name()}",
            containerFactory = "offlineListenerContainerFactory")
    void onOffline(ConsumerRecord<String, OfflineEvent> record) {
        if (record.value() != null) {
            intake.offline(record.value());
        }
    }

    private static <V> ConcurrentKafkaListenerContainerFactory<String, V> factory(KafkaProperties kafka,
                                                                                 DeliveryProperties delivery,
                                                                                 Topic<String, V> topic) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var consumers = new DefaultKafkaConsumerFactory<>(props,
                new ErrorHandlingDeserializer<>(topic.keySerde().deserializer()),
                new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer()));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, V>();
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(delivery.retryInterval().toMillis(), delivery.retryAttempts())));
        return factory;
    }
}
