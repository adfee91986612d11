package dustwatch.risk.bench;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topics;
import dustwatch.risk.Fixtures;
import dustwatch.risk.ShippedConfig;
import dustwatch.risk.stream.RiskTopology;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * ReadingBatches/s through the whole topology on a TopologyTestDriver (RocksDB stores, shipped configuration):
 * 100 enterprises, 3 collectors each, a batch of 12 readings per enterprise every 10 s of event time, hopper
 * temperatures that cross 70 ℃ now and then. The driver commits (and flushes the stores) after every record,
 * so the figure is a pessimistic, single-thread one. Prints the figure; asserts only that work was done.
 */
class TopologyThroughputBench {
    private static final int ENTERPRISES = 100;
    private static final int ROUNDS = 200;

    @TempDir
    Path stateDir;

    @Test
    void readingBatchesPerSecond() {
        RiskTopology topology = new RiskTopology(ShippedConfig.rules(), ShippedConfig.model(), ShippedConfig.engine());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Instant start = Fixtures.SHIFT_START;
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.build(), props, start)) {
            TestInputTopic<String, EnterpriseProfile> registry = driver.createInputTopic(Topics.REGISTRY.name(),
                    Topics.REGISTRY.keySerde().serializer(), Topics.REGISTRY.valueSerde().serializer());
            TestInputTopic<String, ReadingBatch> readings = driver.createInputTopic(Topics.READINGS.name(),
                    Topics.READINGS.keySerde().serializer(), Topics.READINGS.valueSerde().serializer());
            List<String> usccs = new ArrayList<>();
            for (int e = 0; e < ENTERPRISES; e++) {
                String uscc = Fixtures.usccOf(String.format("91350304MA%07d", e));
                usccs.add(uscc);
                registry.pipeInput(uscc, new EnterpriseProfile(uscc, "企业" + e, Fixtures.HUANGSHI, DustType.WOOD, 45, true,
                        List.of(new DustCollector(uscc + "-DC001", CollectorType.DRY_BAG, false),
                                new DustCollector(uscc + "-DC002", CollectorType.DRY_BAG, false),
                                new DustCollector(uscc + "-DC003", CollectorType.DRY_BAG, false)), start));
            }
            // warm-up round, then measured rounds
            long batches = 0;
            long began = 0;
            for (int round = 0; round <= ROUNDS; round++) {
                if (round == 1) {
                    began = System.nanoTime();
                }
                Instant t = start.plus(Duration.ofSeconds(10L * round));
                for (int e = 0; e < ENTERPRISES; e++) {
                    String uscc = usccs.get(e);
                    List<Reading> rs = new ArrayList<>();
                    for (int c = 1; c <= 3; c++) {
                        String dc = uscc + "-DC00" + c;
                        double temp = 60 + ((round + e + c) % 40) * 0.5; // 60 … 79.5 ℃
                        rs.add(new Reading(dc + "-FAN_RUN", ParameterCode.FAN_RUN, 1, 0, t));
                        rs.add(new Reading(dc + "-DRY_HOPPER_TEMP-1", ParameterCode.DRY_HOPPER_TEMP, temp, 0, t));
                        rs.add(new Reading(dc + "-DRY_DP-1", ParameterCode.DRY_DP, 1200, 0, t));
                        rs.add(new Reading(dc + "-DRY_AIRLOCK_FAULT", ParameterCode.DRY_AIRLOCK_FAULT, 0, 0, t));
                    }
                    readings.pipeInput(uscc, new ReadingBatch(uscc + "-" + round, uscc, Fixtures.HUANGSHI, uscc + "-GW01",
                            t, false, true, t, rs));
                    if (round > 0) {
                        batches++;
                    }
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("BENCH topology: %d ReadingBatches (12 readings each) in %.1f s = %.0f batches/s%n",
                    batches, seconds, batches / seconds);
            org.assertj.core.api.Assertions.assertThat(batches).isEqualTo((long) ENTERPRISES * ROUNDS);
        }
    }
}
