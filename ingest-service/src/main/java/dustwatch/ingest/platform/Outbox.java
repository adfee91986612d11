package dustwatch.ingest.platform;

import dustwatch.contracts.topic.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;

/**
 * The transactional outbox (发件箱) of ingest: a database change that must be announced on Kafka writes its event
 * into {@code ingest.outbox} in the same database transaction; {@link OutboxRelay} publishes it afterwards. The
 * change and its announcement therefore commit or roll back together, and a broker outage delays the event
 * instead of failing the request. Right after the commit the relay publishes at once, in the request's thread, so
 * that an event announced before the answer is on Kafka before anything the caller sends next (a registration
 * before the readings that follow it); its scheduled runs catch up on whatever that could not send.
 */
@Component
public class Outbox {
    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    /** Published with every enqueue: the relay publishes right after the commit instead of at its next run. */
    public record Enqueued(String topic) {
    }

    public Outbox(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Queues {@code value} for {@code topic} under {@code key}; must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <V> void enqueue(Topic<String, V> topic, String key, V value) {
        jdbc.sql("INSERT INTO ingest.outbox (topic, message_key, payload) VALUES (:topic, :key, :payload)")
                .param("topic", topic.name())
                .param("key", key)
                .param("payload", new String(topic.writeValue(value), StandardCharsets.UTF_8))
                .update();
        events.publishEvent(new Enqueued(topic.name()));
    }
}
