package dustwatch.chaos;

import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Counts, for the msgIds of one run ({@code prefix}), what the database and {@code dust.realtime} hold: receipts,
 * reading rows by event id, and committed events ({@code read_committed}) by event id, read between two offset
 * snapshots of the topic.
 */
public final class Accounting {
    private final String bootstrap;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    public Accounting(String bootstrap, String jdbcUrl, String user, String password) {
        this.bootstrap = bootstrap;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The committed end (last stable offset) of every partition of dust.realtime. */
    public Map<TopicPartition, Long> committedEnds() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            partitions().forEach(p -> specs.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(specs,
                    new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> out = new HashMap<>();
            ends.forEach((p, i) -> out.put(p, i.offset()));
            return out;
        }
    }

    /** Records of the readings sink's group still to store (committed end minus the group's offset). */
    public long sinkLag() throws Exception {
        Map<TopicPartition, Long> ends = committedEnds();
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> group = admin.listConsumerGroupOffsets("dustwatch-readings-sink")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata at = group.get(e.getKey());
                lag += e.getValue() - (at == null ? 0 : at.offset());
            }
            return lag;
        }
    }

    /** How many times each event id of {@code prefix} is among the committed records between {@code from} and {@code to}. */
    public Map<String, Integer> committedEvents(String prefix, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, ReadingBatch> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), Topics.READINGS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < to.getOrDefault(p, 0L))) {
                for (ConsumerRecord<String, ReadingBatch> r : consumer.poll(Duration.ofSeconds(1))) {
                    if (r.value() != null && r.value().eventId().startsWith(prefix)) {
                        counts.merge(r.value().eventId(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** msgIds of {@code prefix} with a receipt. */
    public Set<String> receipts(String prefix) throws SQLException {
        return ids("SELECT msg_id FROM ingest.receipt WHERE msg_id LIKE ?", prefix);
    }

    /** Reading rows per event id of {@code prefix}. */
    public Map<String, Integer> readingRows(String prefix) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement s = c.prepareStatement("SELECT event_id, count(*) FROM ingest.reading WHERE event_id LIKE ? GROUP BY event_id")) {
            s.setString(1, prefix + "-%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return rows;
    }

    private Set<String> ids(String sql, String prefix) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, prefix + "-%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private static List<TopicPartition> partitions() {
        return IntStream.range(0, dustwatch.deploy.stack.KafkaBroker.PARTITIONS)
                .mapToObj(i -> new TopicPartition(Topics.READINGS.name(), i)).toList();
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000));
    }
}
