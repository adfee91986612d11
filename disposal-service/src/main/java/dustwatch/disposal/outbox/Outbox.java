package dustwatch.disposal.outbox;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.support.tracing.KafkaTraceHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes disposal events to {@code disposal.outbox} inside the caller's transaction; {@link OutboxRelay}
 * publishes them to {@code Topics.DISPOSAL_EVENTS} afterwards (transactional outbox, at-least-once). Each row keeps
 * the trace context of the work that queued it (the warning's listener, a duty officer's request), so the event
 * goes out in that trace.
 */
@Component
public class Outbox {
    private final JdbcClient jdbc;
    private final KafkaTraceHeaders trace;

    public Outbox(JdbcClient jdbc, KafkaTraceHeaders trace) {
        this.jdbc = jdbc;
        this.trace = trace;
    }

    /**
     * Queues {@code event} for publication, keyed by its USCC, encoded with {@code Topics.DISPOSAL_EVENTS}' serde.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(DisposalEvent event) {
        String payload = new String(Topics.DISPOSAL_EVENTS.writeValue(event), StandardCharsets.UTF_8);
        Map<String, String> traceContext = trace.currentFields();
        jdbc.sql("INSERT INTO disposal.outbox (event_id, message_key, payload, trace_context) VALUES (?, ?, ?::jsonb, ?::jsonb)")
                .params(event.eventId(), event.uscc(), payload,
                        traceContext.isEmpty() ? null : Json.MAPPER.writeValueAsString(traceContext))
                .update();
    }
}
