package dustwatch.ingest.platform;

import dustwatch.contracts.topic.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        awaitAll(List.of(send(topic, key, value)));
    }

    /**
     * Starts sending {@code value}; the caller must {@link #awaitAll} the result before it commits.
     *
     * @throws BrokerUnavailableException when the producer cannot even queue the record (no metadata in time)
     */
    public <V> Pending send(Topic<String, V> topic, String key, V value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, topic.writeValue(value));
        record.headers().add(CONFIG_VERSION_HEADER, properties.configVersion().getBytes(StandardCharsets.UTF_8));
        try {
            return new Pending(topic.name(), kafka.send(record));
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException(topic.name(), e);
        }
    }

    /**
     * Waits until every pending send is acknowledged, all within one {@link IngestProperties#sendTimeout()}.
     *
     * @throws BrokerUnavailableException on the first send not acknowledged in time
     */
    public void awaitAll(List<Pending> pending) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (Pending p : pending) {
            try {
                p.future().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException(p.topic(), e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                throw new BrokerUnavailableException(p.topic(), e);
            }
        }
    }

    /**
     * A send in flight.
     *
     * @param topic  the topic name, for the error message
     * @param future completes with the broker's ack
     */
    public record Pending(String topic, CompletableFuture<?> future) {
    }
}
