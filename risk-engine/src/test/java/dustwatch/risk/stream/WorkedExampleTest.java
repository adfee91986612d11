package dustwatch.risk.stream;

import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.Fixtures;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dustwatch.contracts.reading.ParameterCode.DRY_HOPPER_TEMP;
import static dustwatch.contracts.reading.ParameterCode.FAN_RUN;
import static dustwatch.contracts.reading.ParameterCode.SPARK_DETECT;
import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.SHIFT_START;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.batch;
import static dustwatch.risk.Fixtures.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Domain reference §3.2's worked example, end to end through the topology with the shipped configuration and
 * the wall clock running: a wood-furniture plant (45 dust workers, 3 dry bag collectors, sanding; I = 57, B)
 * whose hopper holds 72 ℃ for 35 min and whose night-shift cleaning check-in is missing: D = 20 × 1.25 + 10
 * = 35 (M) → ORANGE; then sparks while the hopper temperature rises (1.5 ℃/min, seen over the rule's 10 min window,
 * by then past the 80 ℃ high-high) → hard trigger → RED.
 */
class WorkedExampleTest {
    @TempDir
    Path stateDir;
    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness(stateDir, SHIFT_START);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void hopperAt72For35MinutesAndAMissedCleaningIsOrangeThenSparksWithRisingTemperatureAreRed() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        h.plans.pipeInput(WOOD_PLANT, Fixtures.shiftPlan(WOOD_PLANT, HUANGSHI));
        Instant t0 = h.now();
        for (int minute = 0; minute <= 35; minute++) {
            Instant t = h.now();
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                    good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, t)));
            if (minute < 35) {
                h.advance(Duration.ofMinutes(1));
            }
        }
        RiskAssessment orange = h.latest(WOOD_PLANT);
        assertThat(orange.inherentScore()).isEqualTo(57.0);
        assertThat(orange.inherentLevel()).isEqualTo(InherentLevel.B);
        assertThat(orange.dynamicScore()).isEqualTo(35.0);
        assertThat(orange.dynamicBand()).isEqualTo(DynamicBand.M);
        assertThat(orange.colour()).isEqualTo(Colour.ORANGE);
        assertThat(orange.configVersion()).isEqualTo("risk-model-2026.2");
        assertThat(orange.factors()).extracting(RiskFactor::code, RiskFactor::points).containsExactly(
                tuple("DUST_TYPE", 20.0), tuple("DUST_WORKERS", 20.0), tuple("COLLECTORS", 9.0),
                tuple("IGNITION_PRONE_PROCESS", 8.0), tuple("ALARM_MAJOR", 25.0), tuple("CLEANING_MISSED", 10.0));
        // published when D moved to 35 (the multiplier from 30 min on); unchanged, and so not republished, until 35 min
        assertThat(orange.assessedAt()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
        assertThat(orange.factors()).extracting(RiskFactor::detail).contains(
                "灰斗温度 72.0 ℃ ≥ 70.0 ℃ 持续 60 s 20 ×1.25（已持续 30 min）",
                "砂光车间地面 2026-04-30 20:00–08:00 清扫未打卡 10");
        List<Warning> before = h.warnings.readValuesToList();
        Warning orangeWarning = before.getLast();
        assertThat(orangeWarning.colour()).isEqualTo(Colour.ORANGE);

        // the hopper temperature then climbs 1.5 ℃/min; the rising-temperature rule takes its rate over 10 min
        // (least-squares slope), which reaches 1 ℃/min after 7 min, as the hopper passes 80 ℃ — when sparks come
        Instant t = t0;
        for (int minute = 36; minute <= 42; minute++) {
            h.advance(Duration.ofMinutes(1));
            t = h.now();
            double hopper = 72.0 + 1.5 * (minute - 35);
            if (minute < 42) {
                h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                        good(WOOD_PLANT, DRY_HOPPER_TEMP, hopper, t)));
                assertThat(h.latest(WOOD_PLANT).colour()).as("minute " + minute).isEqualTo(Colour.ORANGE);
                assertThat(h.warnings.isEmpty()).as("no new warning while only the temperature climbs").isTrue();
            } else {
                h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                        good(WOOD_PLANT, DRY_HOPPER_TEMP, hopper, t), good(WOOD_PLANT, SPARK_DETECT, 2, t)));
            }
        }
        RiskAssessment red = h.latest(WOOD_PLANT);
        assertThat(red.colour()).isEqualTo(Colour.RED);
        assertThat(red.hardTrigger()).isEqualTo("SPARKS_WITH_RISING_HOPPER_TEMP");
        assertThat(red.dynamicScore()).isEqualTo(70.0); // alarms 40 + 25 + 20 + 5 capped at 60, + 10
        assertThat(red.factors()).extracting(RiskFactor::code, RiskFactor::points).containsExactly(
                tuple("DUST_TYPE", 20.0), tuple("DUST_WORKERS", 20.0), tuple("COLLECTORS", 9.0),
                tuple("IGNITION_PRONE_PROCESS", 8.0), tuple("ALARM_CRITICAL", 40.0), tuple("ALARM_MAJOR", 25.0),
                tuple("ALARM_MAJOR", 20.0), tuple("ALARM_MINOR", 5.0), tuple("ALARM_BLOCK_CAP", -30.0),
                tuple("CLEANING_MISSED", 10.0), tuple("HARD_TRIGGER", 0.0));
        assertThat(red.factors()).extracting(RiskFactor::detail).contains("一票否决：火花探测且灰斗温度上升（10 min 内）",
                "灰斗温度上升 1.1 ℃/min ↑≥ 1.0 ℃/min（近 10 min） 5", "火花探测 ≥ 1 20");
        Warning redWarning = h.warnings.readValue();
        assertThat(redWarning.colour()).isEqualTo(Colour.RED);
        assertThat(redWarning.supersedes()).isEqualTo(orangeWarning.warningId());
        assertThat(redWarning.hardTrigger()).isEqualTo("SPARKS_WITH_RISING_HOPPER_TEMP");
        assertThat(redWarning.issuedAt()).as("platform time").isEqualTo(t0.plus(Duration.ofMinutes(42)));
        assertThat(redWarning.factors()).isEqualTo(red.factors());
    }
}
