package dustwatch.ingest.platform;

import dustwatch.contracts.topic.Topic;
import dustwatch.support.tracing.KafkaTraceHeaders;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends the events of one request in ONE Kafka transaction bound to the request's database transaction, so that
 * a request is kept whole or not at all ({@code docs/architecture.md}, "A 503 keeps nothing"):
 * <ol>
 *   <li>the first {@link #send} inside a Spring-managed (database) transaction takes a transactional producer
 *       from {@link TransactionalProducers} and begins a Kafka transaction;</li>
 *   <li>the caller {@link #awaitAll awaits every ack} (records written, not yet visible to {@code read_committed}
 *       consumers);</li>
 *   <li>just before the database COMMIT ({@code beforeCommit}) the Kafka transaction is committed; a commit that
 *       times out is retried until the broker answers or {@link IngestProperties#commitTimeout()} passes, so that
 *       a broker paused mid-commit leaves no transaction of unknown outcome behind while its receipts are rolled
 *       back. A commit that fails throws {@link BrokerUnavailableException}: the database rolls back, 503;</li>
 *   <li>any rollback of the database transaction (a failed send, a failed receipt, an exception) aborts the Kafka
 *       transaction: its records stay invisible to {@code read_committed} consumers forever. When the abort itself
 *       cannot reach the broker, the producer is discarded and {@link TransactionalProducers} at once starts a new
 *       producer of the same transactional id, whose {@code initTransactions} makes the coordinator abort it as soon
 *       as the broker answers (not after {@code transaction.timeout.ms}).</li>
 * </ol>
 * The one window left is a database COMMIT that fails after the Kafka commit succeeded (connection lost in that
 * instant, or the process killed between the two): the events are visible, the receipts are not, the caller is
 * answered 503 or nothing and resends; the events are then produced twice with the same event id (the msgId).
 * It is logged; consumers stay idempotent on (enterprise, event id). It never loses an acknowledged message.
 * Values are encoded with the topic's own value serde; the key is the enterprise USCC. Each record carries the
 * request's trace context (W3C {@code traceparent}, {@link KafkaTraceHeaders}): the risk engine and the services
 * downstream log the same trace id.
 */
@Component
public class EventSender {
    /** Kafka header carrying {@link IngestProperties#configVersion()}. */
    public static final String CONFIG_VERSION_HEADER = "dw-config-version";
    private static final Logger log = LoggerFactory.getLogger(EventSender.class);

    private final TransactionalProducers producers;
    private final IngestProperties properties;
    private final KafkaTraceHeaders trace;

    public EventSender(TransactionalProducers producers, IngestProperties properties, KafkaTraceHeaders trace) {
        this.producers = producers;
        this.properties = properties;
        this.trace = trace;
    }

    /**
     * Sends {@code value} keyed by {@code key} and blocks until acknowledged; outside a database transaction the
     * event is committed on its own before this returns.
     *
     * @throws BrokerUnavailableException when the broker does not ack within {@link IngestProperties#sendTimeout()}
     */
    public <V> void sendAndWait(Topic<String, V> topic, String key, V value) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            awaitAll(List.of(send(topic, key, value)));
            return;
        }
        KafkaTransaction tx = begin(topic.name());
        boolean committed = false;
        try {
            awaitAll(List.of(tx.send(record(topic, key, value))));
            tx.commit();
            committed = true;
        } finally {
            tx.finish(committed);
        }
    }

    /**
     * Starts sending {@code value} in the Kafka transaction of the current database transaction; the caller must
     * {@link #awaitAll} the result before it commits. The events become visible when the database commits.
     *
     * @throws BrokerUnavailableException when the producer cannot even queue the record (no metadata in time)
     * @throws IllegalStateException      when called outside a Spring-managed transaction
     */
    public <V> Pending send(Topic<String, V> topic, String key, V value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("EventSender.send must run inside a database transaction (@Transactional)");
        }
        KafkaTransaction tx = (KafkaTransaction) TransactionSynchronizationManager.getResource(this);
        if (tx == null) {
            tx = begin(topic.name());
            TransactionSynchronizationManager.bindResource(this, tx);
            TransactionSynchronizationManager.registerSynchronization(new Bound(tx));
        }
        return tx.send(record(topic, key, value));
    }

    private <V> ProducerRecord<String, byte[]> record(Topic<String, V> topic, String key, V value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, topic.writeValue(value));
        record.headers().add(CONFIG_VERSION_HEADER, properties.configVersion().getBytes(StandardCharsets.UTF_8));
        trace.inject(record.headers());
        return record;
    }

    private KafkaTransaction begin(String topic) {
        TransactionalProducers.Lease lease;
        try {
            lease = producers.acquire();
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException(topic, e);
        }
        try {
            lease.producer().beginTransaction();
        } catch (RuntimeException e) {
            lease.release(false);
            throw new BrokerUnavailableException(topic, e);
        }
        return new KafkaTransaction(lease, topic);
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
            } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
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

    /** One open Kafka transaction on a leased producer. */
    private final class KafkaTransaction {
        private final TransactionalProducers.Lease lease;
        private final String firstTopic;
        private boolean committed;

        KafkaTransaction(TransactionalProducers.Lease lease, String firstTopic) {
            this.lease = lease;
            this.firstTopic = firstTopic;
        }

        Pending send(ProducerRecord<String, byte[]> record) {
            CompletableFuture<Object> acked = new CompletableFuture<>();
            try {
                lease.producer().send(record, (metadata, e) -> {
                    if (e == null) {
                        acked.complete(metadata);
                    } else {
                        acked.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException e) {
                throw new BrokerUnavailableException(record.topic(), e);
            }
            return new Pending(record.topic(), acked);
        }

        /** Commits, retrying a timed-out commit until the broker answers or the commit timeout passes. */
        void commit() {
            Producer<String, byte[]> producer = lease.producer();
            long deadline = System.nanoTime() + properties.commitTimeout().toNanos();
            while (true) {
                try {
                    producer.commitTransaction();
                    committed = true;
                    return;
                } catch (TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        log.error("Kafka commit still unanswered after {}: its outcome is unknown; the receipts are rolled "
                                + "back, a resend may duplicate these events", properties.commitTimeout());
                        throw new BrokerUnavailableException(firstTopic, e);
                    }
                    log.warn("Kafka commit not answered yet, retrying: {}", e.getMessage());
                } catch (RuntimeException e) {
                    throw new BrokerUnavailableException(firstTopic, e);
                }
            }
        }

        /** Aborts when not committed and returns the producer to the pool (or discards it after a failure). */
        void finish(boolean success) {
            if (committed) {
                lease.release(true);
                return;
            }
            try {
                lease.producer().abortTransaction();
                lease.release(true);
            } catch (RuntimeException e) {
                log.warn("Kafka abort failed ({}); the producer is discarded and the coordinator aborts the transaction",
                        e.getMessage());
                lease.release(false);
            }
        }
    }

    /** Ties a {@link KafkaTransaction} to the database transaction's outcome. */
    private final class Bound implements TransactionSynchronization {
        private final KafkaTransaction tx;

        Bound(KafkaTransaction tx) {
            this.tx = tx;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            tx.commit();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventSender.this);
            if (status != STATUS_COMMITTED && tx.committed) {
                log.error("the database did not commit after the Kafka transaction did: the events of this request are "
                        + "visible without receipts; a resend will produce them again with the same event id");
            }
            tx.finish(status == STATUS_COMMITTED);
        }
    }
}
