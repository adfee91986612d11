package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.warning.Warning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dustwatch.risk.Fixtures.SHIFT_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Rate of rise (升温速率) on the simulator's own data: the rising-temperature rule is taken over its configured
 * window, so ordinary sensor noise raises nothing and a genuine rise does. Shipped configuration.
 */
class RateOfRiseTopologyTest {
    @TempDir
    Path stateDir;
    private Harness h;

    @BeforeEach
    void start() {
        h = Harness.inMemory(stateDir, SHIFT_START);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anHourOfTheSimulatorsNormalDataRaisesNoAlarmAndNoWarning() {
        List<Object> enterprises = Simulator.licheng();
        enterprises.forEach(e -> h.registry.pipeInput(Simulator.uscc(e), Simulator.profile(e, h.now())));
        // generated for all 30 in the simulator's order (one Random), piped for the first 10 with dry collectors
        // (hoppers; 华林家具 among them): 3,600 batches keep the test quick
        List<String> piped = enterprises.stream()
                .filter(e -> Simulator.profile(e, h.now()).collectors().stream().anyMatch(c -> c.type() != CollectorType.WET))
                .map(Simulator::uscc).limit(10).toList();
        assertThat(piped).contains(Simulator.uscc(Simulator.byHandle("hualin")));
        Simulator simulator = new Simulator(2260); // the city-node simulator's seed
        int batches = 0;
        for (int minute = 0; minute < 60; minute++) {
            Instant minuteStart = h.now();
            for (int tenth = 0; tenth < 6; tenth++) { // a push every 10 s, as the simulator sends
                Instant t = minuteStart.plusSeconds(10L * tenth);
                for (Object e : enterprises) {
                    ReadingBatch batch = simulator.realtime(e, t, false, t);
                    if (piped.contains(batch.uscc())) {
                        h.readings.pipeInput(Simulator.uscc(e), batch);
                        batches++;
                    }
                }
            }
            h.advance(Duration.ofMinutes(1));
        }
        assertThat(batches).isEqualTo(60 * 6 * 10);
        assertThat(h.deadLetters.readValuesToList()).isEmpty();
        assertThat(h.alarms.readValuesToList()).extracting(Alarm::uscc, Alarm::rule, Alarm::description).isEmpty();
        assertThat(h.warnings.readValuesToList()).isEmpty();
        String hualin = Simulator.uscc(Simulator.byHandle("hualin"));
        assertThat(h.latest(hualin).dynamicScore()).isZero();
    }

    @Test
    void aGenuineRiseOfOneAndAHalfDegreesAMinuteHeldTenMinutesRaisesTheRisingAlarmAndOnlyThat() {
        Object hualin = Simulator.byHandle("hualin");
        String uscc = Simulator.uscc(hualin);
        h.registry.pipeInput(uscc, Simulator.profile(hualin, h.now()));
        Simulator simulator = new Simulator(2260);
        // 20 min of normal data, then the first hopper's temperature climbs 1.5 ℃/min on top of its noise for 10 min
        Instant rampStart = h.now().plus(Duration.ofMinutes(20));
        Instant risingFrom = null;
        for (int minute = 0; minute < 30; minute++) {
            Instant minuteStart = h.now();
            for (int tenth = 0; tenth < 6; tenth++) {
                Instant t = minuteStart.plusSeconds(10L * tenth);
                ReadingBatch batch = rising(simulator.realtime(hualin, t, false, t), rampStart, t);
                h.readings.pipeInput(uscc, batch);
                for (Alarm a : h.alarms.readValuesToList()) {
                    assertThat(a.rule()).as(a.description()).isEqualTo("DRY_HOPPER_TEMP_RISING");
                    assertThat(a.status()).isEqualTo(AlarmStatus.START);
                    assertThat(risingFrom).as("started once").isNull();
                    risingFrom = t;
                }
            }
            h.advance(Duration.ofMinutes(1));
        }
        assertThat(risingFrom).as("the rise is seen while it is held").isNotNull()
                .isAfter(rampStart.plus(Duration.ofMinutes(4))).isBefore(rampStart.plus(Duration.ofMinutes(10)));
        assertThat(h.state(uscc).activeAlarms()).extracting(a -> a.ruleId(), a -> a.pointCode())
                .containsExactly(tuple("DRY_HOPPER_TEMP_RISING", uscc + "-DC001-DRY_HOPPER_TEMP-1"));
        assertThat(h.state(uscc).activeAlarms().getFirst().description()).matches("灰斗温度上升 1\\.\\d ℃/min ↑≥ 1\\.0 ℃/min（近 10 min）");
    }

    @Test
    void theConsoleTestsHopperExcursionPushedAtOnceIssuesOneYellowWarningForItsHighAlarm() {
        Object hongfu = Simulator.byHandle("hongfu");
        String uscc = Simulator.uscc(hongfu);
        h.registry.pipeInput(uscc, Simulator.profile(hongfu, h.now()));
        h.advance(Duration.ofMinutes(5));
        // as EndToEndIT and ConsoleBrowserIT push it: 10 messages 10 s apart, 72–76 ℃, ending now, in one request
        Simulator simulator = new Simulator(7);
        Instant start = h.now().minusSeconds(100);
        for (int i = 0; i <= 9; i++) {
            h.readings.pipeInput(uscc, simulator.realtime(hongfu, start.plusSeconds(10L * i), true, h.now()));
        }
        h.advance(Duration.ofMinutes(2));

        assertThat(h.alarms.readValuesToList()).extracting(Alarm::rule, Alarm::status, Alarm::startTime)
                .containsExactly(tuple("DRY_HOPPER_TEMP_HIGH", AlarmStatus.START, start));
        List<Warning> warnings = h.warnings.readValuesToList();
        assertThat(warnings).extracting(Warning::colour, Warning::supersedes).containsExactly(tuple(Colour.YELLOW, null));
        assertThat(warnings.getFirst().reason()).startsWith("灰斗温度 7").endsWith("≥ 70.0 ℃ 持续 60 s");
        // I = 20 wood + 20 (60 workers) + 3 one dry collector + 8 sanding = 51 (B); D = 20 one major alarm (L)
        assertThat(h.latest(uscc).dynamicScore()).isEqualTo(20.0);
        assertThat(h.latest(uscc).colour()).isEqualTo(Colour.YELLOW);
    }

    /** The batch with {@code 1.5 ℃/min × minutes since rampStart} added to its hopper temperatures. */
    private static ReadingBatch rising(ReadingBatch b, Instant rampStart, Instant t) {
        double add = t.isBefore(rampStart) ? 0 : 1.5 * Duration.between(rampStart, t).toSeconds() / 60.0;
        List<Reading> readings = b.readings().stream().map(r -> r.param() == ParameterCode.DRY_HOPPER_TEMP
                && r.pointCode().contains("-DC001-")
                ? new Reading(r.pointCode(), r.param(), r.value() + add, r.quality(), r.collectTime()) : r).toList();
        return new ReadingBatch(b.eventId(), b.uscc(), b.regionCode(), b.gatewayCode(), b.collectTime(), b.resend(),
                b.dataSourceConnected(), b.receivedAt(), readings);
    }
}
