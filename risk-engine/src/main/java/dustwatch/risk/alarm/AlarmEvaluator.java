package dustwatch.risk.alarm;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.SignalType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Applies one alarm rule (报警规则, domain reference §1.2) to one good-quality reading, given what is remembered
 * about the (point, rule) pair. Pure: no Kafka, no clock; time is the reading's collect time.
 *
 * <p>The condition first holding remembers {@code since}; the alarm STARTs on the first value at which it
 * has held for at least the rule's duration; it ENDs on the first value where it no longer holds. A
 * run-gated rule (§1.2 "evaluated only while the collector fan is running") is not evaluated while the fan
 * is stopped or unknown: a pending run is forgotten and an active alarm ends, because its condition
 * (ΔP, flow) means nothing with the fan off.
 */
public final class AlarmEvaluator {
    private final String configVersion;

    /** @param configVersion stamped on every alarm produced ({@link AlarmRuleProperties#alarmConfigVersion()}) */
    public AlarmEvaluator(String configVersion) {
        this.configVersion = configVersion;
    }

    /**
     * What a reading does to a (point, rule) pair.
     *
     * @param next  the state to keep, or null to forget the pair
     * @param alarm the START or END alarm to publish, or null
     */
    public record Outcome(RuleState next, Alarm alarm) {
        static final Outcome NOTHING_REMEMBERED = new Outcome(null, null);
    }

    /**
     * Evaluates {@code rule} on {@code reading}.
     *
     * @param current    the pair's state, null when the condition did not hold so far
     * @param reading    a quality-0 reading of the rule's parameter (callers filter quality, §2.5)
     * @param at         the reading's collect time
     * @param fanRunning the collector's last FAN_RUN value is 1
     * @param owner      enterprise, region and collector of the point
     */
    public Outcome evaluate(AlarmRule rule, RuleState current, Reading reading, Instant at, boolean fanRunning,
                            PointOwner owner) {
        if (current != null && current.lastSeen() != null && at.isBefore(current.lastSeen())) {
            return new Outcome(current, null); // late value: history is not rewritten
        }
        if (rule.runGated() && !fanRunning) {
            if (current != null && current.active()) {
                return new Outcome(null, end(rule, current, reading, at, owner, "风机停止"));
            }
            return Outcome.NOTHING_REMEMBERED;
        }
        boolean holds = rule.comparison().holds(reading.value(), rule.threshold());
        if (!holds) {
            if (current != null && current.active()) {
                return new Outcome(null, end(rule, current, reading, at, owner, null));
            }
            return Outcome.NOTHING_REMEMBERED;
        }
        RuleState pending = current != null ? current
                : new RuleState(owner.uscc(), reading.pointCode(), rule.id(), at, at, false, null, null, false, null);
        if (pending.active()) {
            return new Outcome(withLastSeen(pending, at), null);
        }
        long heldSeconds = Duration.between(pending.since(), at).toSeconds();
        if (heldSeconds < rule.durationSeconds()) {
            return new Outcome(withLastSeen(pending, at), null);
        }
        String alarmId = alarmId(owner.uscc(), reading.pointCode(), rule.id(), pending.since());
        String description = describeStart(rule, reading.value(), heldSeconds);
        RuleState started = new RuleState(pending.uscc(), pending.pointCode(), rule.id(), pending.since(), at, true,
                alarmId, rule.severity(), rule.hardTrigger(), description);
        Alarm alarm = new Alarm(alarmId, owner.uscc(), owner.regionCode(), owner.collectorCode(), reading.pointCode(),
                rule.param(), rule.id(), rule.type(), rule.severity(), AlarmStatus.START, reading.value(),
                rule.threshold(), rule.param().unit(), pending.since(), null, description, configVersion);
        return new Outcome(started, alarm);
    }

    private Alarm end(AlarmRule rule, RuleState current, Reading reading, Instant at, PointOwner owner, String cause) {
        String description = describeEnd(rule, reading.value(), cause);
        return new Alarm(current.alarmId(), owner.uscc(), owner.regionCode(), owner.collectorCode(),
                current.pointCode(), rule.param(), rule.id(), rule.type(), current.severity(), AlarmStatus.END,
                reading.value(), rule.threshold(), rule.param().unit(), current.since(), at, description, configVersion);
    }

    private static RuleState withLastSeen(RuleState s, Instant at) {
        return new RuleState(s.uscc(), s.pointCode(), s.ruleId(), s.since(), at, s.active(), s.alarmId(), s.severity(),
                s.hardTrigger(), s.description());
    }

    /**
     * A START sentence, e.g. {@code 灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s}; digital signals read
     * {@code 锁气卸灰故障 = 1 持续 60 s}; instantaneous rules omit the duration.
     */
    static String describeStart(AlarmRule rule, double value, long heldSeconds) {
        ParameterCode p = rule.param();
        String sentence = p.signalType() == SignalType.DI
                ? p.chineseName() + " " + rule.comparison().symbol() + " " + (long) rule.threshold()
                : p.chineseName() + " " + quantity(value, p) + " " + rule.comparison().symbol() + " "
                + quantity(rule.threshold(), p);
        return rule.durationSeconds() > 0 ? sentence + " 持续 " + heldSeconds + " s" : sentence;
    }

    /** An END sentence, e.g. {@code 灰斗温度 65.0 ℃ 恢复（报警阈值 ≥ 70.0 ℃）}. */
    static String describeEnd(AlarmRule rule, double value, String cause) {
        ParameterCode p = rule.param();
        String threshold = p.signalType() == SignalType.DI ? String.valueOf((long) rule.threshold())
                : quantity(rule.threshold(), p);
        String current = p.signalType() == SignalType.DI ? p.chineseName() + " = " + (long) value
                : p.chineseName() + " " + quantity(value, p);
        return (cause != null ? cause + "，" : "") + current + " 恢复（报警阈值 " + rule.comparison().symbol() + " "
                + threshold + "）";
    }

    private static String quantity(double v, ParameterCode p) {
        return String.format(Locale.ROOT, "%.1f", v) + " " + p.unit();
    }

    /** Deterministic: replaying the same readings yields the same id (START and END share it). */
    static String alarmId(String uscc, String pointCode, String ruleId, Instant since) {
        return UUID.nameUUIDFromBytes(("alarm|" + uscc + "|" + pointCode + "|" + ruleId + "|" + since)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
