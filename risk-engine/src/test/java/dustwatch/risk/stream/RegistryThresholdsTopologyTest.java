package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.MonitoringPoint;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.risk.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dustwatch.contracts.reading.ParameterCode.DRY_HOPPER_TEMP;
import static dustwatch.contracts.reading.ParameterCode.FAN_RUN;
import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.SHIFT_START;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.batch;
import static dustwatch.risk.Fixtures.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Thresholds per point from the registry (points[].thresholds of a collector), applied by the alarm processor
 * from the next reading after a new profile arrives on {@code dust.registry}; the configured rules stay the
 * defaults. Shipped configuration.
 */
class RegistryThresholdsTopologyTest {
    private static final String HOPPER = Fixtures.point(WOOD_PLANT, DRY_HOPPER_TEMP);
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
    void aProfileLoweringAPointsHighThresholdMakesTheNextReadingAlarmAndAProfileRestoringItEndsThat() {
        h.registry.pipeInput(WOOD_PLANT, withHopperHigh(null));
        hopperFor(3, 65.0);
        assertThat(h.alarms.isEmpty()).as("65 ℃ is below the configured 70 ℃").isTrue();

        h.registry.pipeInput(WOOD_PLANT, withHopperHigh(60.0)); // the node registers 60 ℃ for this hopper
        Instant lowered = h.now();
        hopperFor(2, 65.0);
        List<Alarm> started = h.alarms.readValuesToList();
        assertThat(started).extracting(Alarm::rule, Alarm::status, Alarm::threshold, Alarm::startTime, Alarm::description)
                .containsExactly(tuple("DRY_HOPPER_TEMP_HIGH", AlarmStatus.START, 60.0, lowered,
                        "灰斗温度 65.0 ℃ ≥ 60.0 ℃ 持续 60 s"));

        h.registry.pipeInput(WOOD_PLANT, withHopperHigh(null)); // restored: the default 70 ℃ (clear below 67 ℃)
        Instant restored = h.now();
        hopperFor(1, 65.0);
        assertThat(h.alarms.readValuesToList()).extracting(Alarm::alarmId, Alarm::status, Alarm::endTime)
                .containsExactly(tuple(started.getFirst().alarmId(), AlarmStatus.END, restored));
        hopperFor(2, 65.0);
        assertThat(h.alarms.isEmpty()).isTrue();
        assertThat(h.state(WOOD_PLANT).activeAlarms()).isEmpty();
    }

    @Test
    void aPointsThresholdAppliesToThatPointOnlyAndItsHighHighStaysConfigured() {
        h.registry.pipeInput(WOOD_PLANT, withHopperHigh(60.0));
        for (int minute = 0; minute <= 2; minute++) {
            Instant t = h.now();
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                    good(WOOD_PLANT, DRY_HOPPER_TEMP, 65.0, t),
                    new dustwatch.contracts.reading.Reading(WOOD_PLANT + "-DC002-DRY_HOPPER_TEMP-1", DRY_HOPPER_TEMP, 65.0, 0, t)));
            h.advance(Duration.ofMinutes(1));
        }
        assertThat(h.alarms.readValuesToList()).extracting(Alarm::pointCode, Alarm::rule)
                .containsExactly(tuple(HOPPER, "DRY_HOPPER_TEMP_HIGH"));
    }

    private void hopperFor(int minutes, double value) {
        for (int minute = 0; minute < minutes; minute++) {
            Instant t = h.now();
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                    good(WOOD_PLANT, DRY_HOPPER_TEMP, value, t)));
            h.advance(Duration.ofMinutes(1));
        }
    }

    /** The wood plant with DC001's hopper point registered, with a HIGH threshold of its own when not null. */
    private EnterpriseProfile withHopperHigh(Double high) {
        EnterpriseProfile p = Fixtures.woodPlant();
        MonitoringPoint hopper = new MonitoringPoint(HOPPER, ParameterCode.DRY_HOPPER_TEMP, null,
                high == null ? Map.of() : Map.of(AlarmType.HIGH, high));
        List<DustCollector> collectors = new java.util.ArrayList<>(p.collectors());
        collectors.set(0, new DustCollector(WOOD_PLANT + "-DC001", CollectorType.DRY_BAG, false, DustType.WOOD, List.of(hopper)));
        return new EnterpriseProfile(p.uscc(), p.name(), p.regionCode(), p.dustType(), p.dustWorkers(),
                p.ignitionProneProcess(), collectors, h.now());
    }
}
