package dustwatch.risk;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.risk.model.CleaningFactor;
import dustwatch.risk.stream.EngineProperties;
import dustwatch.risk.stream.RiskTopology;
import dustwatch.risk.stream.kafka.RiskStreams;
import dustwatch.risk.stream.kafka.StreamsProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.good;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine ({@link RiskStreams}, exactly-once, RocksDB state in a data directory) on a real KRaft broker,
 * stopped and started again: a rule duration half elapsed before the restart fires once, at the right reading
 * after it; an enterprise that went silent during the restart is reported offline on time. Then a rough
 * ReadingBatches/s figure on the broker (printed).
 */
class RiskEngineRestartIT {
    private static final Duration OFFLINE_TIMEOUT = Duration.ofSeconds(60);
    private static EmbeddedKafkaKraftBroker broker;
    private static Path stateDir;

    @BeforeAll
    static void startBroker() throws Exception {
        // no Spring here: quiet the broker's and clients' INFO logging as application.yml does for the service
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka")).setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("kafka")).setLevel(ch.qos.logback.classic.Level.WARN);
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALL.stream().map(Topic::name).toArray(String[]::new));
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        stateDir = Files.createDirectories(Path.of("target", "risk-restart-it", UUID.randomUUID().toString()));
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private static RiskStreams engine() {
        EngineProperties shipped = ShippedConfig.engine();
        EngineProperties engine = new EngineProperties(shipped.liveMaxAge(), OFFLINE_TIMEOUT, Duration.ofSeconds(1),
                shipped.reassessInterval(), shipped.catchUpLag(), shipped.tickBatch());
        RiskTopology topology = new RiskTopology(ShippedConfig.rules(), ShippedConfig.model(), engine);
        StreamsProperties streams = new StreamsProperties("dustwatch-risk-engine-restart-it", broker.getBrokersAsString(),
                stateDir.toString(), (short) 1, 3, Duration.ofSeconds(20));
        return new RiskStreams(topology, streams, null, new CleaningFactor(ShippedConfig.model().factors().cleaning()));
    }

    @Test
    void aHalfElapsedDurationFiresOnceAfterTheRestartAndASilentEnterpriseIsReportedOfflineOnTime() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RiskStreams first = engine();
        first.start();
        awaitRunning(first);
        try (KafkaProducer<String, Object> producer = producer()) {
            producer.send(rec(Topics.REGISTRY, WOOD_PLANT, Fixtures.woodPlant())).get();
            producer.send(rec(Topics.REGISTRY, Fixtures.ALMG_SHOP, Fixtures.alMgShop())).get();
            send(producer, WOOD_PLANT, t0, good(WOOD_PLANT, ParameterCode.DRY_HOPPER_TEMP, 72, t0));
            send(producer, WOOD_PLANT, t0.plusSeconds(30), good(WOOD_PLANT, ParameterCode.DRY_HOPPER_TEMP, 72, t0.plusSeconds(30)));
        }
        awaitConsumed(Topics.READINGS, Duration.ofSeconds(60));
        Instant silentSince = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, Object> producer = producer()) { // the Al/Mg shop's last message, then silence
            producer.send(rec(Topics.HEARTBEATS, Fixtures.ALMG_SHOP, Fixtures.heartbeat(Fixtures.ALMG_SHOP, silentSince))).get();
        }
        awaitConsumed(Topics.HEARTBEATS, Duration.ofSeconds(60));
        first.stop();

        RiskStreams second = engine();
        second.start();
        try {
            awaitRunning(second);
            List<Alarm> none = read(Topics.ALARMS, Duration.ofSeconds(8), a -> true);
            assertThat(none).as("30 s of 60 s held: nothing yet").isEmpty();
            try (KafkaProducer<String, Object> producer = producer()) {
                send(producer, WOOD_PLANT, t0.plusSeconds(60), good(WOOD_PLANT, ParameterCode.DRY_HOPPER_TEMP, 72, t0.plusSeconds(60)));
            }
            List<Alarm> alarms = read(Topics.ALARMS, Duration.ofSeconds(30), a -> a.status() == AlarmStatus.START);
            assertThat(alarms).hasSize(1);
            assertThat(alarms.getFirst().startTime()).as("held since before the restart").isEqualTo(t0);
            assertThat(alarms.getFirst().description()).isEqualTo("灰斗温度 72.0 ℃ ≥ 70.0 ℃ 持续 60 s");

            // the Al/Mg shop went silent before the restart: offline once its timeout has passed, on time
            List<OfflineEvent> offline = read(Topics.OFFLINE, OFFLINE_TIMEOUT.plusSeconds(40),
                    e -> e.scope().equals("ENTERPRISE") && e.uscc().equals(Fixtures.ALMG_SHOP));
            assertThat(offline).hasSize(1);
            OfflineEvent down = offline.getFirst();
            assertThat(down.status()).isEqualTo("START");
            assertThat(down.lastSeen()).isEqualTo(silentSince);
            assertThat(down.at()).isBetween(silentSince.plus(OFFLINE_TIMEOUT), silentSince.plus(OFFLINE_TIMEOUT).plusSeconds(5));
            assertThat(read(Topics.ALARMS, Duration.ofSeconds(10), a -> a.status() == AlarmStatus.START))
                    .as("the alarm started once (a whole 10 s read of the topic)").hasSize(1);

            throughput(second);
        } finally {
            second.stop();
        }
    }

    /** Prints ReadingBatches/s: 100 enterprises × 30 batches of 12 readings, sent at once, until all are consumed. */
    private void throughput(RiskStreams running) throws Exception {
        int enterprises = 100;
        int rounds = 30;
        List<String> usccs = new ArrayList<>();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, Object> producer = producer()) {
            for (int e = 0; e < enterprises; e++) {
                String uscc = Fixtures.usccOf(String.format("91350304MB%07d", e));
                usccs.add(uscc);
                var p = Fixtures.woodPlant();
                producer.send(rec(Topics.REGISTRY, uscc, new dustwatch.contracts.enterprise.EnterpriseProfile(uscc, "企业" + e,
                        HUANGSHI, p.dustType(), p.dustWorkers(), true, List.of(), start)));
            }
            producer.flush();
            long began = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                Instant t = start.plusMillis(100L * round);
                for (String uscc : usccs) {
                    List<Reading> rs = new ArrayList<>();
                    for (int c = 1; c <= 3; c++) {
                        String dc = uscc + "-DC00" + c;
                        rs.add(new Reading(dc + "-FAN_RUN", ParameterCode.FAN_RUN, 1, 0, t));
                        rs.add(new Reading(dc + "-DRY_HOPPER_TEMP-1", ParameterCode.DRY_HOPPER_TEMP, 60 + (round % 40) * 0.5, 0, t));
                        rs.add(new Reading(dc + "-DRY_DP-1", ParameterCode.DRY_DP, 1200, 0, t));
                        rs.add(new Reading(dc + "-DRY_AIRLOCK_FAULT", ParameterCode.DRY_AIRLOCK_FAULT, 0, 0, t));
                    }
                    producer.send(rec(Topics.READINGS, uscc, new ReadingBatch(UUID.randomUUID().toString(), uscc, HUANGSHI,
                            uscc + "-GW01", t, false, true, Instant.now(), rs)));
                }
            }
            producer.flush();
            awaitConsumed(Topics.READINGS, Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - began) / 1e9;
            int batches = enterprises * rounds;
            System.out.printf("BENCH broker: %d ReadingBatches (12 readings each) in %.1f s = %.0f batches/s (exactly_once_v2, 1 stream thread)%n",
                    batches, seconds, batches / seconds);
            assertThat(running.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static void send(KafkaProducer<String, Object> producer, String uscc, Instant t, Reading... readings) throws Exception {
        producer.send(rec(Topics.READINGS, uscc, new ReadingBatch(UUID.randomUUID().toString(), uscc, HUANGSHI,
                uscc + "-GW01", t, false, true, Instant.now(), List.of(readings)))).get();
    }

    private static <V> org.apache.kafka.clients.producer.ProducerRecord<String, Object> rec(Topic<String, V> topic, String key,
                                                                                       V value) {
        return new org.apache.kafka.clients.producer.ProducerRecord<>(topic.name(), key, value);
    }

    private static KafkaProducer<String, Object> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        org.apache.kafka.common.serialization.Serializer<Object> values = (topic, data) -> data == null ? null
                : dustwatch.contracts.topic.Json.MAPPER.writeValueAsBytes(data);
        return new KafkaProducer<>(p, Topics.READINGS.keySerde().serializer(), values);
    }

    private static void awaitRunning(RiskStreams streams) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (streams.state() != KafkaStreams.State.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    /** Waits until the engine's committed offsets on {@code topic} reach its end offsets. */
    private static void awaitConsumed(Topic<String, ?> topic, Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (Admin admin = Admin.create(p)) {
            List<TopicPartition> partitions = List.of(0, 1, 2).stream().map(i -> new TopicPartition(topic.name(), i)).toList();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp,
                        tp -> OffsetSpec.latest()))).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        "dustwatch-risk-engine-restart-it").partitionsToOffsetAndMetadata().get();
                if (partitions.stream().allMatch(tp -> ends.get(tp) == 0
                        || (committed.get(tp) != null && committed.get(tp).offset() >= ends.get(tp)))) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the engine did not consume " + topic.name() + " within " + timeout);
        }
    }

    /** Reads {@code topic} from the start: windows up to 10 s are read whole, longer ones until a match. */
    private static <V> List<V> read(Topic<String, V> topic, Duration window, Predicate<V> which) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            Instant deadline = Instant.now().plus(window);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(300))) {
                    if (which.test(r.value())) {
                        out.add(r.value());
                    }
                }
                if (!out.isEmpty() && window.compareTo(Duration.ofSeconds(10)) > 0) {
                    break;
                }
            }
        }
        return out;
    }
}
