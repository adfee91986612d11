package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.Fixtures;
import dustwatch.risk.ShippedConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static dustwatch.contracts.reading.ParameterCode.DRY_DP;
import static dustwatch.contracts.reading.ParameterCode.DRY_HOPPER_TEMP;
import static dustwatch.contracts.reading.ParameterCode.FAN_RUN;
import static dustwatch.contracts.reading.ParameterCode.WET_FLOW;
import static dustwatch.contracts.reading.ParameterCode.WET_H2;
import static dustwatch.risk.Fixtures.ALMG_SHOP;
import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.SHIFT_START;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.XINDU;
import static dustwatch.risk.Fixtures.batch;
import static dustwatch.risk.Fixtures.disposal;
import static dustwatch.risk.Fixtures.good;
import static dustwatch.risk.Fixtures.withQuality;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole topology on TopologyTestDriver, with the default rules and model of domain reference §1.2 and §3.2. */
class RiskTopologyTest {
    @TempDir
    Path stateDir;

    private RiskTopology riskTopology;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnterpriseProfile> registry;
    private TestInputTopic<String, ReadingBatch> readings;
    private TestInputTopic<String, DisposalEvent> disposals;
    private TestOutputTopic<String, Alarm> alarms;
    private TestOutputTopic<String, RiskAssessment> assessments;
    private TestOutputTopic<String, Warning> warnings;

    @BeforeEach
    void start() {
        riskTopology = new RiskTopology(ShippedConfig.rules(), ShippedConfig.model(), ShippedConfig.engine());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dustwatch-risk-engine-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(riskTopology.build(), props, SHIFT_START); // wall clock = platform time
        registry = input(Topics.REGISTRY);
        readings = input(Topics.READINGS);
        disposals = input(Topics.DISPOSAL_EVENTS);
        alarms = output(Topics.ALARMS);
        assessments = output(Topics.RISK_ASSESSMENTS);
        warnings = output(Topics.WARNINGS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void workedExampleHopperAt72HeldSixtySecondsIssuesAYellowWarning() {
        registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant t0 = SHIFT_START;
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t0, good(WOOD_PLANT, FAN_RUN, 1, t0),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, t0)));
        assertThat(alarms.isEmpty()).isTrue();
        RiskAssessment first = assessments.readValue();
        assertThat(first.inherentScore()).isEqualTo(57.0);
        assertThat(first.inherentLevel()).isEqualTo(InherentLevel.B);
        assertThat(first.dynamicBand()).isEqualTo(DynamicBand.NONE);
        assertThat(first.colour()).isNull();
        assertThat(first.factors()).extracting(RiskFactor::code, RiskFactor::points).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DUST_TYPE", 20.0), org.assertj.core.groups.Tuple.tuple("DUST_WORKERS", 20.0),
                org.assertj.core.groups.Tuple.tuple("COLLECTORS", 9.0),
                org.assertj.core.groups.Tuple.tuple("IGNITION_PRONE_PROCESS", 8.0));

        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t0.plusSeconds(30),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.3, t0.plusSeconds(30))));
        assertThat(alarms.isEmpty()).isTrue();
        assertThat(assessments.isEmpty()).isTrue();

        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t0.plusSeconds(60),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.6, t0.plusSeconds(60))));
        TestRecord<String, Alarm> alarmRecord = alarms.readRecord();
        Alarm alarm = alarmRecord.value();
        assertThat(alarmRecord.key()).isEqualTo(WOOD_PLANT);
        assertThat(alarmRecord.timestamp()).isEqualTo(t0.plusSeconds(60).toEpochMilli());
        assertThat(alarm.status()).isEqualTo(AlarmStatus.START);
        assertThat(alarm.rule()).isEqualTo("DRY_HOPPER_TEMP_HIGH");
        assertThat(alarm.severity()).isEqualTo(Severity.MAJOR);
        assertThat(alarm.description()).isEqualTo("灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s");
        assertThat(alarm.startTime()).isEqualTo(t0);
        assertThat(alarm.collectorCode()).isEqualTo(WOOD_PLANT + "-DC001");
        assertThat(alarm.regionCode()).isEqualTo(HUANGSHI);
        assertThat(alarm.configVersion()).isEqualTo("alarm-rules-2026.2");
        assertThat(alarms.isEmpty()).isTrue();

        RiskAssessment assessment = assessments.readValue();
        assertThat(assessment.dynamicScore()).isEqualTo(20.0);
        assertThat(assessment.dynamicBand()).isEqualTo(DynamicBand.L);
        assertThat(assessment.colour()).isEqualTo(Colour.YELLOW);
        assertThat(assessment.factors()).extracting(RiskFactor::code).contains("ALARM_MAJOR");
        assertThat(assessments.isEmpty()).isTrue();

        Warning warning = warnings.readValue();
        assertThat(warning.colour()).isEqualTo(Colour.YELLOW);
        assertThat(warning.reason()).isEqualTo("灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s");
        assertThat(warning.enterpriseName()).isEqualTo("黄石金榕木艺有限公司");
        assertThat(warning.regionCode()).isEqualTo(HUANGSHI);
        assertThat(warning.supersedes()).isNull();
        assertThat(warning.hardTrigger()).isNull();
        assertThat(warning.issuedAt()).as("platform time, not the readings'").isEqualTo(SHIFT_START);
        assertThat(warning.evidenceAt()).isEqualTo(t0.plusSeconds(60));
        assertThat(warning.factors()).isEqualTo(assessment.factors());
        assertThat(warning.configVersion()).isEqualTo("risk-model-2026.2");
        assertThat(warnings.isEmpty()).isTrue();
        assertThat(latestAssessment(WOOD_PLANT).colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void aReadingBelowThresholdEndsTheAlarmAndASecondExcursionWhileOpenIssuesNoSecondYellow() {
        Warning yellow = woodPlantYellow();

        Instant t = SHIFT_START.plusSeconds(120);
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, DRY_HOPPER_TEMP, 65.0, t)));
        Alarm end = alarms.readValue();
        assertThat(end.status()).isEqualTo(AlarmStatus.END);
        assertThat(end.endTime()).isEqualTo(t);
        assertThat(end.value()).isEqualTo(65.0);
        RiskAssessment calm = assessments.readValue();
        assertThat(calm.dynamicScore()).isZero();
        assertThat(calm.colour()).isNull();
        assertThat(warnings.isEmpty()).isTrue();

        Instant again = t.plusSeconds(60);
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, again, good(WOOD_PLANT, DRY_HOPPER_TEMP, 73.0, again)));
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, again.plusSeconds(60),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 73.4, again.plusSeconds(60))));
        Alarm second = alarms.readValuesToList().stream().filter(a -> a.rule().equals("DRY_HOPPER_TEMP_HIGH")).findFirst().orElseThrow();
        assertThat(second.status()).isEqualTo(AlarmStatus.START);
        assertThat(second.alarmId()).isNotEqualTo(end.alarmId());
        assertThat(assessments.readValuesToList().getLast().colour()).isEqualTo(Colour.YELLOW);
        assertThat(warnings.isEmpty()).as("the open YELLOW %s is not issued twice", yellow.warningId()).isTrue();
    }

    @Test
    void theEndOfAnAlarmCarriesTheIdOfItsStart() {
        woodPlantYellow();
        Instant t = SHIFT_START.plusSeconds(120);
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, DRY_HOPPER_TEMP, 40.0, t)));
        Alarm end = alarms.readValue();
        assertThat(end.status()).isEqualTo(AlarmStatus.END);
        assertThat(end.startTime()).isEqualTo(SHIFT_START);
        assertThat(end.description()).isEqualTo("灰斗温度 40.0 ℃ 恢复（报警阈值 ≥ 70.0 ℃）");
    }

    @Test
    void aLastingAlarmEscalatesByTheDurationMultiplier() {
        Warning yellow = woodPlantYellow();

        Instant halfHour = SHIFT_START.plus(Duration.ofMinutes(35));
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, halfHour, good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, halfHour)));
        RiskAssessment at35 = assessments.readValue();
        assertThat(at35.dynamicScore()).isEqualTo(25.0); // 20 × 1.25, still L
        assertThat(at35.colour()).isEqualTo(Colour.YELLOW);
        assertThat(warnings.isEmpty()).isTrue();

        Instant twoHours = SHIFT_START.plus(Duration.ofMinutes(121));
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, twoHours, good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, twoHours)));
        RiskAssessment at121 = assessments.readValue();
        assertThat(at121.dynamicScore()).isEqualTo(30.0); // 20 × 1.5 → M; B × M = ORANGE
        assertThat(at121.colour()).isEqualTo(Colour.ORANGE);
        Warning orange = warnings.readValue();
        assertThat(orange.colour()).isEqualTo(Colour.ORANGE);
        assertThat(orange.supersedes()).isEqualTo(yellow.warningId());
        assertThat(alarms.isEmpty()).isTrue();
    }

    @Test
    void aHydrogenHardTriggerIssuesARedThatSupersedesAndAClearedEventFreesTheEnterprise() {
        registry.pipeInput(ALMG_SHOP, Fixtures.alMgShop());
        Instant t0 = SHIFT_START;
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t0, good(ALMG_SHOP, FAN_RUN, 1, t0),
                good(ALMG_SHOP, WET_FLOW, 0.6, t0), good(ALMG_SHOP, WET_H2, 3, t0)));
        assertThat(assessments.readValue().inherentScore()).isEqualTo(57.0);
        Instant t1 = t0.plusSeconds(60);
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t1, good(ALMG_SHOP, FAN_RUN, 1, t1),
                good(ALMG_SHOP, WET_FLOW, 0.5, t1), good(ALMG_SHOP, WET_H2, 4, t1)));
        assertThat(alarms.readValue().rule()).isEqualTo("WET_FLOW_LOW");
        Warning yellow = warnings.readValue();
        assertThat(yellow.colour()).isEqualTo(Colour.YELLOW);
        assertThat(yellow.reason()).isEqualTo("循环水流量 0.5 m³/h ≤ 1.0 m³/h 持续 60 s");
        assessments.readValuesToList();

        Instant t2 = t1.plusSeconds(10);
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t2, good(ALMG_SHOP, WET_H2, 55, t2)));
        assertThat(alarms.readValuesToList()).extracting(Alarm::rule)
                .containsExactlyInAnyOrder("WET_H2_HIGH", "WET_H2_HIGH_HIGH");
        List<RiskAssessment> one = assessments.readValuesToList();
        assertThat(one).hasSize(1);
        RiskAssessment red = one.getFirst();
        assertThat(red.colour()).isEqualTo(Colour.RED);
        assertThat(red.hardTrigger()).isEqualTo("WET_H2_HIGH_HIGH");
        assertThat(red.dynamicScore()).isEqualTo(60.0); // 20 + 20 + 40 = 80, alarm block capped at 60
        assertThat(red.factors()).extracting(RiskFactor::code).contains("ALARM_BLOCK_CAP", "HARD_TRIGGER");
        Warning redWarning = warnings.readValue();
        assertThat(redWarning.colour()).isEqualTo(Colour.RED);
        assertThat(redWarning.supersedes()).isEqualTo(yellow.warningId());
        assertThat(redWarning.hardTrigger()).isEqualTo("WET_H2_HIGH_HIGH");
        assertThat(redWarning.reason()).isEqualTo("氢气浓度 55.0 %LEL ≥ 50.0 %LEL");

        // disposal-service supersedes the yellow: not the open warning, so the enterprise stays taken
        disposals.pipeInput(ALMG_SHOP, disposal(yellow, WarningState.ISSUED, WarningState.SUPERSEDED, t2));
        Instant t3 = t2.plusSeconds(60);
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t3, good(ALMG_SHOP, WET_H2, 2, t3),
                good(ALMG_SHOP, WET_FLOW, 5.0, t3)));
        assertThat(alarms.readValuesToList()).extracting(Alarm::status).containsOnly(AlarmStatus.END).hasSize(3);
        assertThat(assessments.readValue().colour()).isNull();

        Instant t4 = t3.plusSeconds(60);
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t4, good(ALMG_SHOP, WET_FLOW, 0.4, t4)));
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t4.plusSeconds(60), good(ALMG_SHOP, WET_FLOW, 0.4, t4.plusSeconds(60))));
        assertThat(alarms.readValue().status()).isEqualTo(AlarmStatus.START);
        assertThat(warnings.isEmpty()).as("RED still open: a YELLOW is lower").isTrue();
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t4.plusSeconds(120), good(ALMG_SHOP, WET_FLOW, 5.0, t4.plusSeconds(120))));
        assertThat(alarms.readValue().status()).isEqualTo(AlarmStatus.END);

        disposals.pipeInput(ALMG_SHOP, disposal(redWarning, WarningState.FEEDBACK_SUBMITTED, WarningState.CLEARED,
                t4.plusSeconds(150)));
        Instant t5 = t4.plusSeconds(180);
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t5, good(ALMG_SHOP, WET_FLOW, 0.3, t5)));
        readings.pipeInput(ALMG_SHOP, batch(ALMG_SHOP, XINDU, t5.plusSeconds(60), good(ALMG_SHOP, WET_FLOW, 0.3, t5.plusSeconds(60))));
        Warning fresh = warnings.readValue();
        // the flow point's third start within 24 h: 20 + repeated alarms 10 = 30 → M; B × M = ORANGE
        assertThat(fresh.colour()).isEqualTo(Colour.ORANGE);
        assertThat(fresh.factors()).extracting(RiskFactor::code).contains("ALARM_MAJOR", "REPEATED_ALARMS");
        assertThat(fresh.supersedes()).isNull();
        assertThat(fresh.warningId()).isNotIn(yellow.warningId(), redWarning.warningId());
        assertThat(warnings.isEmpty()).isTrue();
    }

    @Test
    void theRunGatedDpRuleIsSilentWhileTheFanIsStopped() {
        registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        for (int minute = 0; minute <= 12; minute++) {
            Instant t = SHIFT_START.plus(Duration.ofMinutes(minute));
            readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 0, t),
                    good(WOOD_PLANT, DRY_DP, 2000, t)));
        }
        assertThat(alarms.isEmpty()).as("ΔP 2000 Pa for 12 min with the fan stopped").isTrue();
        assertThat(warnings.isEmpty()).isTrue();

        for (int minute = 13; minute <= 23; minute++) {
            Instant t = SHIFT_START.plus(Duration.ofMinutes(minute));
            readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                    good(WOOD_PLANT, DRY_DP, 2000, t)));
        }
        Alarm dp = alarms.readValue();
        assertThat(dp.rule()).isEqualTo("DRY_DP_HIGH");
        assertThat(dp.startTime()).as("held since the fan started, not since the first value")
                .isEqualTo(SHIFT_START.plus(Duration.ofMinutes(13)));
        assertThat(dp.description()).isEqualTo("进出口压差 2000.0 Pa ≥ 1800.0 Pa 持续 600 s");

        Instant stop = SHIFT_START.plus(Duration.ofMinutes(24));
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, stop, good(WOOD_PLANT, FAN_RUN, 0, stop),
                good(WOOD_PLANT, DRY_DP, 2000, stop)));
        Alarm end = alarms.readValue();
        assertThat(end.status()).isEqualTo(AlarmStatus.END);
        assertThat(end.description()).startsWith("风机停止");
    }

    @Test
    void readingsOfBadQualityFeedNoRule() {
        registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        for (int s = 0; s <= 120; s += 30) {
            Instant t = SHIFT_START.plusSeconds(s);
            readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t,
                    withQuality(WOOD_PLANT, DRY_HOPPER_TEMP, 95.0, 2, t)));
        }
        assertThat(alarms.isEmpty()).isTrue();
        assertThat(warnings.isEmpty()).isTrue();
        assertThat(assessments.readValuesToList()).extracting(RiskAssessment::dynamicScore).containsExactly(0.0);
    }

    @Test
    void readingsOfAnUnregisteredEnterpriseAreSkippedAndCounted() {
        Instant t = SHIFT_START;
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, dustwatch.contracts.reading.ParameterCode.VENT_BURST, 1, t)));
        assertThat(alarms.isEmpty()).isTrue();
        assertThat(assessments.isEmpty()).isTrue();
        assertThat(riskTopology.unregisteredSkipped()).isEqualTo(1);
    }

    @Test
    void aRedeliveredBatchIsAppliedOnce() {
        registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant t0 = SHIFT_START;
        readings.pipeInput(WOOD_PLANT, batch("msg-1", WOOD_PLANT, HUANGSHI, t0, good(WOOD_PLANT, DRY_HOPPER_TEMP, 75, t0)));
        readings.pipeInput(WOOD_PLANT, batch("msg-2", WOOD_PLANT, HUANGSHI, t0.plusSeconds(60),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 75, t0.plusSeconds(60))));
        assertThat(alarms.readValue().status()).isEqualTo(AlarmStatus.START);
        readings.pipeInput(WOOD_PLANT, batch("msg-2", WOOD_PLANT, HUANGSHI, t0.plusSeconds(90),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 50, t0.plusSeconds(90))));
        assertThat(alarms.isEmpty()).as("a second msg-2 is a duplicate, its value does not end the alarm").isTrue();
    }

    @Test
    void theTopologyNeedsNoRepartitionAndRunsAsOneSubtopology() {
        Topology topology = riskTopology.build();
        String description = topology.describe().toString();
        assertThat(description).doesNotContain("-repartition");
        assertThat(topology.describe().subtopologies()).hasSize(1);
        assertThat(description).contains(Topics.READINGS.name(), Topics.REGISTRY.name(), Topics.DISPOSAL_EVENTS.name());
    }

    private Warning woodPlantYellow() {
        registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, SHIFT_START,
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, SHIFT_START)));
        readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, SHIFT_START.plusSeconds(60),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.6, SHIFT_START.plusSeconds(60))));
        assertThat(alarms.readValue().status()).isEqualTo(AlarmStatus.START);
        assessments.readValuesToList();
        Warning yellow = warnings.readValue();
        assertThat(yellow.colour()).isEqualTo(Colour.YELLOW);
        return yellow;
    }

    private RiskAssessment latestAssessment(String uscc) {
        KeyValueStore<String, RiskAssessment> store = driver.getKeyValueStore(RiskTopology.ASSESSMENTS);
        return store.get(uscc);
    }

    private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
