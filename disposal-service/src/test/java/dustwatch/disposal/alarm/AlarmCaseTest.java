package dustwatch.disposal.alarm;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.feedback.Feedback;
import dustwatch.disposal.warning.TransitionForbidden;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dustwatch.disposal.warning.Fixtures.HUANGSHI;
import static dustwatch.disposal.warning.Fixtures.HUANGSHI_DUTY;
import static dustwatch.disposal.warning.Fixtures.HUANGSHI_PLANT;
import static dustwatch.disposal.warning.Fixtures.PLANT_USER;
import static dustwatch.disposal.warning.Fixtures.SHOP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alarm case state machine: every legal and illegal step, who may take it, the SLAs per severity. */
class AlarmCaseTest {
    static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant NOW = START.plus(Duration.ofMinutes(5));
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The defaults of application.yml. */
    static final AlarmSla SLA = new AlarmSla(Duration.ofSeconds(30), Map.of(
            Severity.CRITICAL, new AlarmSla.Limit(Duration.ofMinutes(15), Duration.ofHours(2)),
            Severity.MAJOR, new AlarmSla.Limit(Duration.ofMinutes(30), Duration.ofHours(2)),
            Severity.MINOR, new AlarmSla.Limit(Duration.ofHours(2), Duration.ofHours(24))));

    public static Alarm alarm(String id, Severity severity, AlarmStatus status) {
        return new Alarm(id, HUANGSHI_PLANT, HUANGSHI, HUANGSHI_PLANT + "-DC001", HUANGSHI_PLANT + "-DC001-T01",
                ParameterCode.values()[0], "DRY_HOPPER_TEMP_HIGH", AlarmType.values()[0], severity, status, 72.6, 70.0,
                "℃", START, status == AlarmStatus.END ? START.plus(Duration.ofMinutes(3)) : null,
                "灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s", "rules-test");
    }

    static Feedback feedback(Cause cause) {
        return new Feedback(cause, "停机清灰，检查卸灰阀", List.of("photo-1.jpg"), "huangshi-plant-safety", NOW);
    }

    AlarmCase open(Severity severity) {
        return AlarmCase.open(alarm("A-1", severity, AlarmStatus.START), SLA, clock);
    }

    @Test
    void slasCountFromTheAlarmStartPerSeverity() {
        assertThat(open(Severity.CRITICAL).record().signInDue()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(open(Severity.MAJOR).record().signInDue()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(open(Severity.MINOR).record().signInDue()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(open(Severity.CRITICAL).record().feedbackDue()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(open(Severity.MINOR).record().feedbackDue()).isEqualTo(START.plus(Duration.ofHours(24)));
    }

    @Test
    void theClosedLoopAndASelfRecoveredAlarmStillNeedsACause() {
        AlarmCase c = open(Severity.MAJOR);
        assertThat(c.signIn(PLANT_USER).to()).isEqualTo(AlarmState.SIGNED_IN);
        assertThat(c.record().signedInBy()).isEqualTo("huangshi-plant-safety");
        AlarmStep closed = c.feedback(PLANT_USER, feedback(Cause.REAL_HAZARD));
        assertThat(closed.to()).isEqualTo(AlarmState.CLOSED);
        assertThat(closed.note()).isEqualTo("cause: REAL_HAZARD; measures: 停机清灰，检查卸灰阀; evidence: 1");

        AlarmCase recovered = open(Severity.MINOR);
        assertThat(recovered.recover(START.plus(Duration.ofMinutes(3)))).get()
                .extracting(AlarmStep::to).isEqualTo(AlarmState.AUTO_RECOVERED);
        assertThat(recovered.record().recoveredAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        assertThatThrownBy(() -> new Feedback(null, "none needed", List.of(), "u", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cause");
        assertThat(recovered.feedback(PLANT_USER, feedback(Cause.PROCESS_FLUCTUATION)).to()).isEqualTo(AlarmState.CLOSED);
        assertThat(recovered.record().feedback().cause()).isEqualTo(Cause.PROCESS_FLUCTUATION);
    }

    /** Every (state, step) pair; illegal ones name both states; recovery of a closed or recovered case changes nothing. */
    @Test
    void everyLegalAndIllegalTransition() {
        Map<String, Function<AlarmCase, Optional<AlarmState>>> steps = new java.util.LinkedHashMap<>();
        steps.put("sign-in", c -> Optional.of(c.signIn(PLANT_USER).to()));
        steps.put("feedback", c -> Optional.of(c.feedback(PLANT_USER, feedback(Cause.SENSOR_FAULT)).to()));
        steps.put("recover", c -> c.recover(NOW).map(AlarmStep::to));
        Map<AlarmState, Map<String, Optional<AlarmState>>> legal = Map.of(
                AlarmState.OPEN, Map.of("sign-in", Optional.of(AlarmState.SIGNED_IN),
                        "recover", Optional.of(AlarmState.AUTO_RECOVERED)),
                AlarmState.SIGNED_IN, Map.of("feedback", Optional.of(AlarmState.CLOSED),
                        "recover", Optional.of(AlarmState.AUTO_RECOVERED)),
                AlarmState.AUTO_RECOVERED, Map.of("feedback", Optional.of(AlarmState.CLOSED), "recover", Optional.empty()),
                AlarmState.CLOSED, Map.of("recover", Optional.empty()));
        for (AlarmState from : AlarmState.values()) {
            for (var step : steps.entrySet()) {
                AlarmCase c = inState(from);
                Optional<AlarmState> expected = legal.get(from).get(step.getKey());
                if (expected != null) {
                    assertThat(step.getValue().apply(c)).as(from + " " + step.getKey()).isEqualTo(expected);
                    assertThat(c.record().state()).isEqualTo(expected.orElse(from));
                } else {
                    assertThatThrownBy(() -> step.getValue().apply(c)).as(from + " " + step.getKey())
                            .isInstanceOf(IllegalAlarmTransition.class)
                            .hasMessageContaining("it is " + from).hasMessageContaining(step.getKey() + " needs");
                    assertThat(c.record().state()).isEqualTo(from);
                }
            }
        }
    }

    @Test
    void onlyTheEnterprisesOwnUserSignsInAndGivesFeedback() {
        AlarmCase c = open(Severity.CRITICAL);
        assertThatThrownBy(() -> c.signIn(SHOP_USER)).isInstanceOf(TransitionForbidden.class);
        assertThatThrownBy(() -> c.signIn(HUANGSHI_DUTY)).isInstanceOf(TransitionForbidden.class);
        c.signIn(PLANT_USER);
        assertThatThrownBy(() -> c.feedback(HUANGSHI_DUTY, feedback(Cause.FALSE_ALARM)))
                .isInstanceOf(TransitionForbidden.class);
        assertThat(c.record().state()).isEqualTo(AlarmState.SIGNED_IN);
    }

    @Test
    void slaHandledInTimeOrNot() {
        AlarmRecord fresh = open(Severity.CRITICAL).record();
        Instant due = fresh.signInDue();
        assertThat(AlarmService.handledBy(fresh, due, false)).isFalse();
        AlarmCase signed = AlarmCase.of(fresh, Clock.fixed(due, ZoneOffset.UTC));
        signed.signIn(PLANT_USER);
        assertThat(AlarmService.handledBy(signed.record(), due, false)).isTrue();          // at the deadline: in time
        AlarmCase late = AlarmCase.of(fresh, Clock.fixed(due.plusSeconds(1), ZoneOffset.UTC));
        late.signIn(PLANT_USER);
        assertThat(AlarmService.handledBy(late.record(), due, false)).isFalse();
        assertThat(AlarmService.handledBy(late.record(), fresh.feedbackDue(), true)).isFalse(); // signed, no feedback
    }

    private AlarmCase inState(AlarmState state) {
        AlarmCase c = open(Severity.MAJOR);
        switch (state) {
            case OPEN -> { }
            case SIGNED_IN -> c.signIn(PLANT_USER);
            case AUTO_RECOVERED -> c.recover(NOW);
            case CLOSED -> { c.signIn(PLANT_USER); c.feedback(PLANT_USER, feedback(Cause.MAINTENANCE)); }
        }
        assertThat(c.record().state()).isEqualTo(state);
        return c;
    }
}
