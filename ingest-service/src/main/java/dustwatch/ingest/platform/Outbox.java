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
 * instead of failing the request.
 */
@Component
public class Outbox {
    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues {@code value} for {@code topic} under {@code key}; must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <V> void enqueue(Topic<String, V> topic, String key, V value) {
        jdbc.sql("INSERT INTO ingest.outbox (topic, message_key, payload) VALUES (:topic, :key, :payload)")
                .param("topic", topic.name())
                .param("key", key)
                .param("payload", new String(topic.writeValue(value), StandardCharsets.UTF_8))
                .update();
    }
}
