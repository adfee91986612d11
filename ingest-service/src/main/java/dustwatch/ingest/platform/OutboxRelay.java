package dustwatch.ingest.platform;

import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes {@code ingest.outbox} rows oldest first and deletes them once the broker acknowledged the whole
 * batch; rows are claimed {@code FOR UPDATE SKIP LOCKED} so instances share the work, and a failed run leaves
 * them for the next (at-least-once; the registry topic is compacted and consumers keep the latest profile).
 */
@Component
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The topics the outbox may carry, by name. */
    private static final Map<String, Topic<String, ?>> TOPICS = Map.of(Topics.REGISTRY.name(), Topics.REGISTRY,
            Topics.FILINGS.name(), Topics.FILINGS, Topics.CLEANING_PLANS.name(), Topics.CLEANING_PLANS,
            Topics.CLEANING_CHECK_INS.name(), Topics.CLEANING_CHECK_INS);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventSender events;

    public OutboxRelay(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions,
                       EventSender events) {
        this.jdbc = jdbc;
        // its own transaction, also when called after another one committed
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
    }

    /** Right after a transaction that enqueued something committed: publish it now. */
    @org.springframework.transaction.event.TransactionalEventListener(phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT)
    public void afterCommit(Outbox.Enqueued enqueued) {
        relay();
    }

    /** One run every {@code dustwatch.ingest.outbox-interval} (default 500 ms); logs instead of throwing. */
    @Scheduled(fixedDelayString = "${dustwatch.ingest.outbox-interval:500ms}")
    public void relay() {
        try {
            Integer n;
            do {
                n = transactions.execute(status -> publishBatch());
            } while (n != null && n == BATCH);
        } catch (RuntimeException e) {
            log.warn("outbox relay run failed, rows stay queued: {}", e.toString());
        }
    }

    private int publishBatch() {
        List<Row> rows = jdbc.sql("""
                        SELECT id, topic, message_key, payload FROM ingest.outbox
                        ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED""")
                .param("batch", BATCH)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                        rs.getString("payload")))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<EventSender.Pending> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(send(TOPICS.get(row.topic()), row));
        }
        events.awaitAll(sends);
        jdbc.sql("DELETE FROM ingest.outbox WHERE id = ANY(:ids)")
                .param("ids", rows.stream().mapToLong(Row::id).toArray())
                .update();
        return rows.size();
    }

    private <V> EventSender.Pending send(Topic<String, V> topic, Row row) {
        if (topic == null) {
            throw new IllegalStateException("outbox row " + row.id() + " names unknown topic " + row.topic());
        }
        return events.send(topic, row.key(), topic.readValue(row.payload().getBytes(StandardCharsets.UTF_8)));
    }

    private record Row(long id, String topic, String key, String payload) {
    }
}
