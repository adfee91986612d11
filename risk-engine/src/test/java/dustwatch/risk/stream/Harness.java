package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.deadletter.DeadLetter;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.ShippedConfig;
import dustwatch.risk.model.EnterpriseRiskState;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/** The whole topology on a TopologyTestDriver with the shipped configuration and a wall clock starting at {@code start}. */
final class Harness implements AutoCloseable {
    final RiskTopology topology;
    final TopologyTestDriver driver;
    final TestInputTopic<String, EnterpriseProfile> registry;
    final TestInputTopic<String, ReadingBatch> readings;
    final TestInputTopic<String, Heartbeat> heartbeats;
    final TestInputTopic<String, Filing> filings;
    final TestInputTopic<String, CleaningPlan> plans;
    final TestInputTopic<String, CleaningCheckIn> checkIns;
    final TestInputTopic<String, DisposalEvent> disposals;
    final TestOutputTopic<String, Alarm> alarms;
    final TestOutputTopic<String, RiskAssessment> assessments;
    final TestOutputTopic<String, Warning> warnings;
    final TestOutputTopic<String, OfflineEvent> offline;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    private Instant wallClock;

    Harness(Path stateDir, Instant start) {
        this(stateDir, start, new RiskTopology(ShippedConfig.rules(), ShippedConfig.model(), ShippedConfig.engine()));
    }

    /** The topology with in-memory stores: for tests piping thousands of batches (no RocksDB flush after each). */
    static Harness inMemory(Path stateDir, Instant start) {
        return new Harness(stateDir, start,
                new RiskTopology(ShippedConfig.rules(), ShippedConfig.model(), ShippedConfig.engine()).inMemoryStores());
    }

    /** The topology with {@code engine} in place of the shipped engine settings. */
    static Harness withEngine(Path stateDir, Instant start, EngineProperties engine) {
        return new Harness(stateDir, start, new RiskTopology(ShippedConfig.rules(), ShippedConfig.model(), engine));
    }

    private Harness(Path stateDir, Instant start, RiskTopology topology) {
        this.topology = topology;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dustwatch-risk-engine-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology.build(), props, start);
        wallClock = start;
        registry = input(Topics.REGISTRY);
        readings = input(Topics.READINGS);
        heartbeats = input(Topics.HEARTBEATS);
        filings = input(Topics.FILINGS);
        plans = input(Topics.CLEANING_PLANS);
        checkIns = input(Topics.CLEANING_CHECK_INS);
        disposals = input(Topics.DISPOSAL_EVENTS);
        alarms = output(Topics.ALARMS);
        assessments = output(Topics.RISK_ASSESSMENTS);
        warnings = output(Topics.WARNINGS);
        offline = output(Topics.OFFLINE);
        deadLetters = output(Topics.DEAD_LETTER);
    }

    /** Platform time now. */
    Instant now() {
        return wallClock;
    }

    /**
     * Advances the wall clock in one-minute steps, the punctuator running after each (each step commits and
     * flushes the RocksDB stores, ~0.1 s, so fine steps are kept for where the timing is asserted).
     */
    void advance(Duration d) {
        advance(d, Duration.ofMinutes(1));
    }

    /** Advances the wall clock in punctuation-sized steps (5 s), as a running engine sees it. */
    void advanceFinely(Duration d) {
        advance(d, Duration.ofSeconds(5));
    }

    private void advance(Duration d, Duration step) {
        Duration left = d;
        while (left.compareTo(step) > 0) {
            driver.advanceWallClockTime(step);
            wallClock = wallClock.plus(step);
            left = left.minus(step);
        }
        driver.advanceWallClockTime(left);
        wallClock = wallClock.plus(left);
    }

    RiskAssessment latest(String uscc) {
        return driver.<String, RiskAssessment>getKeyValueStore(RiskTopology.ASSESSMENTS).get(uscc);
    }

    EnterpriseRiskState state(String uscc) {
        return driver.<String, EnterpriseRiskState>getKeyValueStore(RiskTopology.ENTERPRISE_STATES).get(uscc);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
