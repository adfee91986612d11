package dustwatch.scale;

import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topics;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.stack.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The benchmark's direct use of the broker: the raw producer ceiling, consumer lag, ReadingBatches straight to the topic. */
final class Broker implements AutoCloseable {
    static final String SINK_GROUP = "dustwatch-readings-sink";
    static final String RISK_GROUP = "dustwatch-risk-engine";
    private final String bootstrap;
    private final Admin admin;

    Broker(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000));
    }

    /** The value bytes of one committed record of dust.realtime (as ingest produced it), or null when there is none. */
    byte[] sampleReadingRecord() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions(Topics.READINGS.name()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    if (r.value() != null) {
                        return r.value();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The raw ceiling: one idempotent producer ({@code acks=all}) sending {@code value} to a topic of its own with
     * the same partition count, as fast as the broker acknowledges, for {@code duration}.
     *
     * @return records per second acknowledged
     */
    double producerCeiling(byte[] value, Duration duration) throws Exception {
        String topic = "bench.ceiling";
        try {
            admin.createTopics(List.of(new NewTopic(topic, KafkaBroker.PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // exists from an earlier round
        }
        AtomicLong acked = new AtomicLong();
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            long t0 = System.nanoTime();
            long end = t0 + duration.toNanos();
            long n = 0;
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(topic, "k" + (n++ % 1000), value), (m, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
            return acked.get() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * {@code count} ReadingBatches of {@code enterprises} (8 points each, collect time now, new event ids) straight
     * to dust.realtime, idempotent, acks=all.
     */
    void produceBatches(List<SimulatedEnterprise> enterprises, String prefix, int count) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                SimulatedEnterprise e = enterprises.get(i % enterprises.size());
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                List<Reading> readings = new ArrayList<>();
                for (SimulatedEnterprise.Collector c : e.collectors()) {
                    readings.add(new Reading(c.code() + "-DRY_HOPPER_TEMP-1", ParameterCode.valueOf("DRY_HOPPER_TEMP"), 30.0, 0, now));
                    readings.add(new Reading(c.code() + "-DRY_DP", ParameterCode.valueOf("DRY_DP"), 1100.0, 0, now));
                    readings.add(new Reading(c.code() + "-DRY_AIRLOCK_FAULT", ParameterCode.valueOf("DRY_AIRLOCK_FAULT"), 0, 0, now));
                    readings.add(new Reading(c.code() + "-FAN_RUN", ParameterCode.valueOf("FAN_RUN"), 1, 0, now));
                }
                ReadingBatch batch = new ReadingBatch(prefix + "-" + i, e.uscc(), e.regionCode(), e.uscc() + "-GW01", now,
                        false, true, now, readings);
                producer.send(new ProducerRecord<>(Topics.READINGS.name(), e.uscc(), Topics.READINGS.writeValue(batch)));
            }
            producer.flush();
        }
    }

    /** Committed records of dust.realtime not yet consumed by {@code group}. */
    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions(Topics.READINGS.name()).forEach(p -> specs.put(p, OffsetSpec.latest()));
        var ends = admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> at = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (var e : ends.entrySet()) {
            OffsetAndMetadata o = at.get(e.getKey());
            lag += Math.max(0, e.getValue().offset() - (o == null ? 0 : o.offset()));
        }
        return lag;
    }

    /** Waits until {@code group} has no lag (a transaction marker may leave 1 per partition), up to {@code max}. */
    double drainSeconds(String group, Duration max) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < max.toNanos()) {
            if (lag(group) <= KafkaBroker.PARTITIONS) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(250);
        }
        return -1;
    }

    private static List<TopicPartition> partitions(String topic) {
        List<TopicPartition> out = new ArrayList<>();
        for (int i = 0; i < KafkaBroker.PARTITIONS; i++) {
            out.add(new TopicPartition(topic, i));
        }
        return out;
    }

    @Override
    public void close() {
        admin.close();
    }
}
