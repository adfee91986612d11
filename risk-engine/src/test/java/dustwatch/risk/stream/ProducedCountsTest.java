package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dustwatch.contracts.reading.ParameterCode.DRY_HOPPER_TEMP;
import static dustwatch.contracts.reading.ParameterCode.FAN_RUN;
import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.SHIFT_START;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.batch;
import static dustwatch.risk.Fixtures.good;
import static org.assertj.core.api.Assertions.assertThat;

/** The counts behind dustwatch.risk.alarms and dustwatch.risk.warnings equal what the topics received. */
class ProducedCountsTest {
    @TempDir
    Path stateDir;

    @Test
    void alarmsBySeverityAndWarningsByColourAreCountedAsWritten() {
        try (Harness h = new Harness(stateDir, SHIFT_START)) {
            h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
            h.plans.pipeInput(WOOD_PLANT, Fixtures.shiftPlan(WOOD_PLANT, HUANGSHI));
            for (int minute = 0; minute <= 35; minute++) {
                Instant t = h.now();
                h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                        good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, t)));
                h.advance(Duration.ofMinutes(1));
            }
            List<Alarm> alarms = h.alarms.readValuesToList();
            List<Warning> warnings = h.warnings.readValuesToList();
            assertThat(alarms).isNotEmpty();
            assertThat(warnings).isNotEmpty();

            ProducedCounts counts = h.topology.produced();
            for (Severity s : Severity.values()) {
                for (AlarmStatus st : AlarmStatus.values()) {
                    assertThat(counts.alarms(s, st)).as(s + " " + st)
                            .isEqualTo(alarms.stream().filter(a -> a.severity() == s && a.status() == st).count());
                }
            }
            for (Colour c : Colour.values()) {
                assertThat(counts.warnings(c)).as(c.name())
                        .isEqualTo(warnings.stream().filter(w -> w.colour() == c).count());
            }
            assertThat(counts.alarms(Severity.MAJOR, AlarmStatus.START)).isPositive();
        }
    }
}
