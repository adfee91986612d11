package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.risk.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
 * Alarms unhandled past their SLA (§3.2: +10 each, cap 20) from disposal-service's {@code ALARM_OVERDUE} and
 * {@code ALARM_OVERDUE_RESOLVED} on {@code dust.disposal-events}. Shipped configuration.
 */
class UnhandledAlarmsTopologyTest {
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
    void eachDistinctOverdueAlarmAddsTenCappedAtTwentyUntilDisposalResolvesIt() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        for (int minute = 0; minute <= 2; minute++) {
            Instant t = h.now();
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                    good(WOOD_PLANT, DRY_HOPPER_TEMP, 72.0, t)));
            h.advance(Duration.ofMinutes(1));
        }
        Alarm high = h.alarms.readValuesToList().getFirst();
        assertThat(h.latest(WOOD_PLANT).dynamicScore()).isEqualTo(20.0);

        DisposalEvent signInMissed = overdue(DisposalActions.ALARM_OVERDUE, high.alarmId(), "SIGN_IN");
        h.disposals.pipeInput(WOOD_PLANT, signInMissed);
        RiskAssessment one = h.latest(WOOD_PLANT);
        assertThat(one.dynamicScore()).isEqualTo(30.0); // 20 alarm + 10 unhandled: band M, ORANGE for level B
        assertThat(unhandled(one)).extracting(RiskFactor::points, RiskFactor::detail).containsExactly(
                tuple(10.0, "DRY_HOPPER_TEMP_HIGH " + WOOD_PLANT + "-DC001-DRY_HOPPER_TEMP-1 超时未签收（自 05-01 10:03） 10"));

        h.disposals.pipeInput(WOOD_PLANT, signInMissed); // redelivered
        h.disposals.pipeInput(WOOD_PLANT, overdue(DisposalActions.ALARM_OVERDUE, high.alarmId(), "FEEDBACK"));
        assertThat(unhandled(h.latest(WOOD_PLANT))).as("one alarm counts once").extracting(RiskFactor::points, RiskFactor::detail)
                .containsExactly(tuple(10.0, "DRY_HOPPER_TEMP_HIGH " + WOOD_PLANT + "-DC001-DRY_HOPPER_TEMP-1 超时未签收、未反馈（自 05-01 10:03） 10"));

        String ended1 = UUID.randomUUID().toString();
        String ended2 = UUID.randomUUID().toString();
        h.advance(Duration.ofMinutes(1));
        h.disposals.pipeInput(WOOD_PLANT, overdue(DisposalActions.ALARM_OVERDUE, ended1, "FEEDBACK"));
        h.disposals.pipeInput(WOOD_PLANT, overdue(DisposalActions.ALARM_OVERDUE, ended2, "SIGN_IN"));
        RiskAssessment capped = h.latest(WOOD_PLANT);
        assertThat(capped.dynamicScore()).isEqualTo(40.0); // 20 + min(3 × 10, 20)
        assertThat(unhandled(capped)).extracting(RiskFactor::points, RiskFactor::detail).containsExactly(
                tuple(10.0, "DRY_HOPPER_TEMP_HIGH " + WOOD_PLANT + "-DC001-DRY_HOPPER_TEMP-1 超时未签收、未反馈（自 05-01 10:03） 10"),
                tuple(10.0, "报警 " + ended1 + " 超时未反馈（自 05-01 10:04） 10"),
                tuple(0.0, "报警 " + ended2 + " 超时未签收（自 05-01 10:04） 0（已达上限 20）"));

        h.disposals.pipeInput(WOOD_PLANT, overdue(DisposalActions.ALARM_OVERDUE_RESOLVED, high.alarmId(), null));
        h.disposals.pipeInput(WOOD_PLANT, overdue(DisposalActions.ALARM_OVERDUE_RESOLVED, ended1, null));
        RiskAssessment resolved = h.latest(WOOD_PLANT);
        assertThat(resolved.dynamicScore()).isEqualTo(30.0);
        assertThat(unhandled(resolved)).extracting(RiskFactor::detail).containsExactly("报警 " + ended2 + " 超时未签收（自 05-01 10:04） 10");

        h.disposals.pipeInput(WOOD_PLANT, overdue(DisposalActions.ALARM_OVERDUE_RESOLVED, ended2, null));
        assertThat(unhandled(h.latest(WOOD_PLANT))).isEmpty();
        assertThat(h.latest(WOOD_PLANT).dynamicScore()).isEqualTo(20.0);
        assertThat(h.deadLetters.readValuesToList()).isEmpty();
    }

    @Test
    void anOverdueEventWithoutAlarmIdGoesToTheDeadLetterTopic() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        h.disposals.pipeInput(WOOD_PLANT, overdue(DisposalActions.ALARM_OVERDUE, null, "SIGN_IN"));
        assertThat(h.deadLetters.readValuesToList()).extracting(d -> d.reason()).containsExactly("MISSING_ALARM_ID");
        assertThat(unhandled(h.latest(WOOD_PLANT))).isEmpty();
    }

    private DisposalEvent overdue(String action, String alarmId, String note) {
        return new DisposalEvent(UUID.randomUUID().toString(), null, WOOD_PLANT, HUANGSHI, null, action, null, null,
                "system", null, note, h.now(), alarmId, null);
    }

    private static List<RiskFactor> unhandled(RiskAssessment a) {
        return a.factors().stream().filter(f -> f.code().equals("UNHANDLED_ALARM")).toList();
    }
}
