package dustwatch.disposal.alarm;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.feedback.Feedback;
import dustwatch.disposal.warning.TransitionForbidden;
import dustwatch.disposal.warning.WarningCase;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static dustwatch.disposal.alarm.AlarmState.AUTO_RECOVERED;
import static dustwatch.disposal.alarm.AlarmState.CLOSED;
import static dustwatch.disposal.alarm.AlarmState.OPEN;
import static dustwatch.disposal.alarm.AlarmState.SIGNED_IN;

/**
 * An alarm case (报警处置): the state machine of {@link AlarmState}. Sign-in and feedback belong to the
 * enterprise user of the alarm's USCC; recovery is the system's, from the alarm's END event. Every step checks
 * who may take it ({@link TransitionForbidden}), then the state ({@link IllegalAlarmTransition}, naming both
 * states), and returns the {@link AlarmStep} it records. Not thread-safe: load under a row lock, change, store.
 */
public final class AlarmCase {
    private final Clock clock;
    private AlarmRecord record;

    private AlarmCase(AlarmRecord record, Clock clock) {
        this.record = record;
        this.clock = clock;
    }

    /**
     * A new OPEN case for an alarm's START event, its SLAs counted from the alarm's start time.
     *
     * @throws IllegalArgumentException when the alarm lacks an id, USCC, region, severity or start time
     */
    public static AlarmCase open(Alarm alarm, AlarmSla sla, Clock clock) {
        if (alarm.alarmId() == null || alarm.alarmId().isBlank() || alarm.uscc() == null || alarm.uscc().isBlank()
                || alarm.regionCode() == null || alarm.severity() == null || alarm.startTime() == null) {
            throw new IllegalArgumentException("alarm lacks alarmId, uscc, regionCode, severity or startTime: " + alarm);
        }
        AlarmSla.Limit limit = sla.of(alarm.severity());
        return new AlarmCase(new AlarmRecord(alarm.alarmId(), alarm.uscc(), RegionCode.of(alarm.regionCode()),
                alarm.collectorCode(), alarm.pointCode(), alarm.rule(), alarm.severity(), alarm.description(),
                alarm.startTime(), OPEN, alarm.startTime().plus(limit.signIn()),
                alarm.startTime().plus(limit.feedback()), null, null, null, null, null, null, 0), clock);
    }

    public static AlarmCase of(AlarmRecord record, Clock clock) {
        return new AlarmCase(record, clock);
    }

    public AlarmRecord record() {
        return record;
    }

    /** The OPEN entry of a case just opened (at the alarm's start). */
    public AlarmStep opened() {
        return new AlarmStep("OPEN", null, OPEN, WarningCase.SYSTEM, record.description(), record.startedAt());
    }

    /**
     * 签收: OPEN → SIGNED_IN.
     *
     * @throws TransitionForbidden     unless {@code actor} is the enterprise user of the alarm's USCC
     * @throws IllegalAlarmTransition unless OPEN
     */
    public AlarmStep signIn(Actor actor) {
        requireEnterprise(actor, "sign in");
        require("sign-in", EnumSet.of(OPEN));
        AlarmStep step = new AlarmStep("SIGN_IN", record.state(), SIGNED_IN, actor.username(), null, clock.instant());
        record = record.with(SIGNED_IN, actor.username(), step.at(), record.recoveredAt(), record.feedback());
        return step;
    }

    /**
     * 反馈: cause, measures, evidence; SIGNED_IN or AUTO_RECOVERED → CLOSED. A self-recovered alarm needs a cause too.
     *
     * @throws TransitionForbidden     unless {@code actor} is the enterprise user of the alarm's USCC
     * @throws IllegalAlarmTransition unless SIGNED_IN or AUTO_RECOVERED
     */
    public AlarmStep feedback(Actor actor, Feedback feedback) {
        requireEnterprise(actor, "give feedback on");
        require("feedback", EnumSet.of(SIGNED_IN, AUTO_RECOVERED));
        AlarmStep step = new AlarmStep("FEEDBACK", record.state(), CLOSED, actor.username(), feedback.summary(),
                clock.instant());
        record = record.with(CLOSED, record.signedInBy(), record.signedInAt(), record.recoveredAt(), feedback);
        return step;
    }

    /**
     * The signal returned to normal (the alarm's END event): OPEN or SIGNED_IN → AUTO_RECOVERED. Empty (nothing
     * changes) when the case is already AUTO_RECOVERED or CLOSED: END events may come late or twice.
     */
    public Optional<AlarmStep> recover(java.time.Instant endTime) {
        if (record.state() != OPEN && record.state() != SIGNED_IN) {
            return Optional.empty();
        }
        java.time.Instant at = endTime == null ? clock.instant() : endTime;
        AlarmStep step = new AlarmStep("RECOVER", record.state(), AUTO_RECOVERED, WarningCase.SYSTEM, null, at);
        record = record.with(AUTO_RECOVERED, record.signedInBy(), record.signedInAt(), at, record.feedback());
        return Optional.of(step);
    }

    private void require(String action, Set<AlarmState> from) {
        if (!from.contains(record.state())) {
            throw new IllegalAlarmTransition(record.alarmId(), action, record.state(), from);
        }
    }

    private void requireEnterprise(Actor actor, String what) {
        if (actor.kind() != Actor.Kind.ENTERPRISE || !record.uscc().equals(actor.uscc())) {
            throw new TransitionForbidden("only the enterprise user of " + record.uscc() + " may " + what
                    + " alarm " + record.alarmId());
        }
    }
}
