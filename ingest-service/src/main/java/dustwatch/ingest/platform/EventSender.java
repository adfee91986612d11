package dustwatch.ingest.platform;

import dustwatch.contracts.topic.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one event to a {@link Topic} and waits for the broker's ack (acks=all, idempotent producer), so that a
 * caller inside a database transaction can roll back when Kafka does not take the event. Values are encoded
 * with the topic's own value serde; the key is the enterprise USCC.
 */
@Component
public class EventSender {
    /** Kafka header carrying {@link IngestProperties#configVersion()}. */
    public static final String CONFIG_VERSION_HEADER = "dw-config-version";

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;

    public EventSender(KafkaTemplate<String, byte[]> ingestKafkaTemplate, IngestProperties properties) {
        this.kafka = ingestKafkaTemplate;
        this.properties = properties;
    }

    /**
     * Sends {@code value} keyed by {@code key} and blocks until acknowledged.
     *
     * @throws BrokerUnavailableException when the broker does not ack within {@link IngestProperties#sendTimeout()}
     */
    public <V> void sendAndWait(Topic<String, V> topic, String key, V value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, topic.writeValue(value));
        record.headers().add(CONFIG_VERSION_HEADER, properties.configVersion().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException(topic.name(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new BrokerUnavailableException(topic.name(), e);
        }
    }
}
