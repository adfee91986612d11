package dustwatch.disposal.outbox;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.topic.Topics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;

/**
 * Writes disposal events to {@code disposal.outbox} inside the caller's transaction; {@link OutboxRelay}
 * publishes them to {@code Topics.DISPOSAL_EVENTS} afterwards (transactional outbox, at-least-once).
 */
@Component
public class Outbox {
    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues {@code event} for publication, keyed by its USCC, encoded with {@code Topics.DISPOSAL_EVENTS}' serde.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(DisposalEvent event) {
        String payload = new String(Topics.DISPOSAL_EVENTS.writeValue(event), StandardCharsets.UTF_8);
        jdbc.sql("INSERT INTO disposal.outbox (event_id, message_key, payload) VALUES (?, ?, ?::jsonb)")
                .params(event.eventId(), event.uscc(), payload)
                .update();
    }
}
