package dustwatch.disposal.outbox;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes unpublished outbox rows to {@code Topics.DISPOSAL_EVENTS}, oldest first, and marks them published
 * once the broker has acknowledged every send of the batch. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share the work; a failed run leaves its rows for the
 * next one (at-least-once: consumers dedupe on {@code eventId}). Each send runs in an observation continuing the
 * trace context stored with its row, so the record's {@code traceparent} carries the trace of the work that queued
 * it, not of this scheduled run.
 */
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, DisposalEvent> kafka;
    private final OutboxProperties properties;
    private final ObservationRegistry observations;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, DisposalEvent> kafka,
                       OutboxProperties properties, ObservationRegistry observations) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.observations = observations;
    }

    /** One relay run, logging instead of throwing so that the schedule goes on. @return rows published */
    public int relayOnce() {
        try {
            Integer published = transactions.execute(status -> publishBatch());
            return published == null ? 0 : published;
        } catch (RuntimeException e) {
            log.warn("outbox relay run failed, rows stay queued: {}", e.toString());
            return 0;
        }
    }

    private int publishBatch() {
        List<Row> rows = jdbc.sql("""
                        SELECT id, message_key, payload::text AS payload, trace_context::text AS trace_context
                        FROM disposal.outbox
                        WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .param(properties.batchSize())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("message_key"), rs.getString("payload"),
                        traceContext(rs.getString("trace_context"))))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            DisposalEvent event = Topics.DISPOSAL_EVENTS.readValue(row.payload().getBytes(StandardCharsets.UTF_8));
            sends.add(inTraceOf(row).observe(() -> kafka.send(Topics.DISPOSAL_EVENTS.record(row.key(), event))));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge the outbox batch", e);
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        jdbc.sql("UPDATE disposal.outbox SET published_at = now() WHERE id = ANY(?)")
                .param(ids)
                .update();
        return rows.size();
    }

    /** An observation continuing the trace the row was queued in (a new trace for a row without one). */
    private Observation inTraceOf(Row row) {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
        context.setCarrier(row.traceContext());
        context.setRemoteServiceName("disposal.outbox");
        return Observation.createNotStarted("dustwatch.outbox.relay", () -> context, observations)
                .contextualName("outbox relay");
    }

    private static Map<String, String> traceContext(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>();
        Json.MAPPER.readTree(json).properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        return fields;
    }

    private record Row(long id, String key, String payload, Map<String, String> traceContext) {
    }
}
