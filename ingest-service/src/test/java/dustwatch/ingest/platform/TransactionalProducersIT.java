package dustwatch.ingest.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer whose transaction could not be aborted (the broker paused) leaves that transaction open on the broker,
 * holding back the partition's last stable offset: nothing behind it reaches a {@code read_committed} consumer. The
 * pool replaces such a producer at once by one of the same transactional id, which aborts the open transaction, also
 * when other producers sit idle in the pool and no request asks for a new one.
 */
class TransactionalProducersIT {
    static final String TOPIC = "producers-it";
    static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void aFailedProducersOpenTransactionIsAbortedWithoutWaitingForItsTimeout() throws Exception {
        TransactionalProducers pool = new TransactionalProducers(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 120_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000), "producers-it-");
        try {
            TransactionalProducers.Lease failing = pool.acquire();
            TransactionalProducers.Lease other = pool.acquire();
            other.release(true);                              // an idle producer: no request needs a new one

            failing.producer().beginTransaction();
            failing.producer().send(new ProducerRecord<>(TOPIC, "k", "left open".getBytes(StandardCharsets.UTF_8))).get();
            assertThat(openTransactionHoldsBack()).as("the transaction is open on the broker").isTrue();
            failing.release(false);                           // closed without its abort, as when the broker was paused

            TransactionalProducers.Lease next = pool.acquire();
            next.producer().beginTransaction();
            next.producer().send(new ProducerRecord<>(TOPIC, "k", "behind it".getBytes(StandardCharsets.UTF_8))).get();
            next.producer().commitTransaction();
            next.release(true);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (openTransactionHoldsBack() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(openTransactionHoldsBack())
                    .as("the open transaction was aborted within 20 s, not after the 120 s transaction timeout").isFalse();
        } finally {
            pool.destroy();
        }
    }

    /** True while the last stable offset (read_committed end) is behind the log end: a transaction is open. */
    static boolean openTransactionHoldsBack() throws Exception {
        try (Admin admin = admin()) {
            long stable = admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(PARTITION).get(30, TimeUnit.SECONDS).offset();
            long end = admin.listOffsets(Map.of(PARTITION, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .partitionResult(PARTITION).get(30, TimeUnit.SECONDS).offset();
            return stable < end;
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }
}
