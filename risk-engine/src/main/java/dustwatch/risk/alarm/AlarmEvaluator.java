package dustwatch.risk.alarm;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.SignalType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Applies one alarm rule (报警规则, domain reference §1.2) to one good-quality live reading, given what is
 * remembered about the (point, rule) pair. Pure: no Kafka, no clock; time is the reading's collect time.
 *
 * <ul>
 *   <li>The condition first holding remembers {@code since}; the alarm STARTs on the first value at which it
 *   has held for at least the rule's duration.</li>
 *   <li>Hysteresis: an active alarm ENDs on the first value that no longer satisfies the rule's clear level
 *   (e.g. set ≥ 70 ℃, clear below 67 ℃), not its set level.</li>
 *   <li>Flapping: an alarm that started {@code starts} times within the window is not ended by a clear value;
 *   it stays open, marked flapping, and ends once its value has stayed clear for the quiet time.</li>
 *   <li>RISE rules compare the rate of rise over the rule's window — the least-squares slope of the values
 *   collected within it, per minute — with the threshold; no rate until the window holds enough values
 *   spanning enough time ({@link AlarmRule.RateWindow}), so noise between two values seconds apart is no rise.</li>
 *   <li>A run-gated rule (§1.2) is not evaluated while the fan is stopped or unknown: a pending run is
 *   forgotten and an active alarm ends, because its condition (ΔP, flow) means nothing with the fan off.</li>
 * </ul>
 */
public final class AlarmEvaluator {
    private final String configVersion;
    private final AlarmRuleProperties.Flapping flapping;

    /**
     * @param configVersion stamped on every alarm produced ({@link AlarmRuleProperties#alarmConfigVersion()})
     * @param flapping      the flapping settings
     */
    public AlarmEvaluator(String configVersion, AlarmRuleProperties.Flapping flapping) {
        this.configVersion = configVersion;
        this.flapping = flapping;
    }

    /**
     * What a reading does to a (point, rule) pair.
     *
     * @param next  the state to keep, or null to forget the pair
     * @param alarm the START or END alarm to publish, or null
     */
    public record Outcome(RuleState next, Alarm alarm) {
    }

    /**
     * Evaluates {@code rule} on {@code reading}.
     *
     * @param current    the pair's state, null when nothing is remembered
     * @param reading    a quality-0 live reading of the rule's parameter (callers filter quality, §2.5)
     * @param at         the reading's collect time
     * @param fanRunning the collector's last FAN_RUN value is 1
     * @param owner      enterprise, region and collector of the point
     */
    public Outcome evaluate(AlarmRule rule, RuleState current, Reading reading, Instant at, boolean fanRunning,
                            PointOwner owner) {
        if (current != null && current.lastSeen() != null && at.isBefore(current.lastSeen())) {
            return new Outcome(current, null); // late value: history is not rewritten
        }
        List<Instant> starts = recentStarts(current, at);
        boolean active = current != null && current.active();
        List<RuleState.Sample> window = window(rule, current, reading.value(), at);
        if (rule.runGated() && !fanRunning) {
            if (active) {
                return new Outcome(quiet(owner, reading, rule, starts, at, window), end(rule, current, reading, at, owner, "风机停止"));
            }
            return new Outcome(quiet(owner, reading, rule, starts, at, window), null);
        }
        double measured = measured(rule, window, reading.value());
        if (active) {
            boolean stillHolds = !Double.isNaN(measured) && rule.comparison().holds(measured, rule.clearLevel());
            if (stillHolds) {
                return new Outcome(with(current, current.since(), at, reading.value(), starts, current.flapping(), null,
                        window), null);
            }
            boolean flaps = current.flapping() || (flapping.starts() > 0 && starts.size() >= flapping.starts());
            if (flaps) {
                Instant clearSince = current.clearSince() != null ? current.clearSince() : at;
                if (Duration.between(clearSince, at).toMinutes() < flapping.quietMinutes()) {
                    return new Outcome(with(current, current.since(), at, reading.value(), starts, true, clearSince,
                            window), null);
                }
                return new Outcome(quiet(owner, reading, rule, starts, at, window),
                        end(rule, current, reading, at, owner, "振荡报警平息"));
            }
            return new Outcome(quiet(owner, reading, rule, starts, at, window), end(rule, current, reading, at, owner, null));
        }
        boolean holds = !Double.isNaN(measured) && rule.comparison().holds(measured, rule.threshold());
        if (!holds) {
            return new Outcome(quiet(owner, reading, rule, starts, at, window), null);
        }
        Instant since = current != null && current.since() != null ? current.since() : at;
        long heldSeconds = Duration.between(since, at).toSeconds();
        if (heldSeconds < rule.durationSeconds()) {
            RuleState pending = new RuleState(owner.uscc(), reading.pointCode(), rule.id(), since, at, false, null,
                    null, false, null, reading.value(), starts, false, null, window);
            return new Outcome(pending, null);
        }
        String alarmId = alarmId(owner.uscc(), reading.pointCode(), rule.id(), since);
        String description = describeStart(rule, measured, heldSeconds);
        List<Instant> withThis = new ArrayList<>(starts);
        withThis.add(since);
        RuleState started = new RuleState(owner.uscc(), reading.pointCode(), rule.id(), since, at, true,
                alarmId, rule.severity(), rule.hardTrigger(), description, reading.value(), withThis, false, null, window);
        Alarm alarm = new Alarm(alarmId, owner.uscc(), owner.regionCode(), owner.collectorCode(), reading.pointCode(),
                rule.param(), rule.id(), rule.type(), rule.severity(), AlarmStatus.START, reading.value(),
                rule.threshold(), unit(rule), since, null, description, configVersion);
        return new Outcome(started, alarm);
    }

    /** For RISE rules, the values of the rate window ending at {@code at} (this one included); empty otherwise. */
    private static List<RuleState.Sample> window(AlarmRule rule, RuleState current, double value, Instant at) {
        if (rule.comparison() != Comparison.RISE) {
            return List.of();
        }
        Instant from = at.minusSeconds(rule.rate().windowSeconds());
        List<RuleState.Sample> window = new ArrayList<>();
        if (current != null) {
            current.samples().stream().filter(x -> !x.at().isBefore(from) && x.at().isBefore(at)).forEach(window::add);
        }
        window.add(new RuleState.Sample(at, value));
        return window;
    }

    /**
     * The value compared: the reading, or for RISE the rate of rise per minute over the window (NaN while the
     * window holds too few values or spans too short a time).
     */
    private static double measured(AlarmRule rule, List<RuleState.Sample> window, double value) {
        if (rule.comparison() != Comparison.RISE) {
            return value;
        }
        if (window.size() < rule.rate().minSamples()
                || Duration.between(window.getFirst().at(), window.getLast().at()).toSeconds() < rule.rate().minSpanSeconds()) {
            return Double.NaN;
        }
        return slopePerMinute(window);
    }

    /** Least-squares slope of the values over their collect times, in unit per minute. */
    static double slopePerMinute(List<RuleState.Sample> samples) {
        Instant origin = samples.getFirst().at();
        double n = samples.size();
        double sumT = 0;
        double sumV = 0;
        for (RuleState.Sample x : samples) {
            sumT += Duration.between(origin, x.at()).toMillis() / 60_000.0;
            sumV += x.value();
        }
        double meanT = sumT / n;
        double meanV = sumV / n;
        double cov = 0;
        double var = 0;
        for (RuleState.Sample x : samples) {
            double dt = Duration.between(origin, x.at()).toMillis() / 60_000.0 - meanT;
            cov += dt * (x.value() - meanV);
            var += dt * dt;
        }
        return var == 0 ? Double.NaN : cov / var;
    }

    private List<Instant> recentStarts(RuleState current, Instant at) {
        if (current == null || flapping.starts() <= 0) {
            return List.of();
        }
        Instant from = at.minus(Duration.ofMinutes(flapping.windowMinutes()));
        return current.recentStarts().stream().filter(s -> !s.isBefore(from)).toList();
    }

    /** The state of a pair whose condition does not hold: kept only for what still matters (rates, flapping). */
    private static RuleState quiet(PointOwner owner, Reading reading, AlarmRule rule, List<Instant> starts, Instant at,
                                   List<RuleState.Sample> window) {
        if (starts.isEmpty() && rule.comparison() != Comparison.RISE) {
            return null;
        }
        return new RuleState(owner.uscc(), reading.pointCode(), rule.id(), null, at, false, null, null, false, null,
                reading.value(), starts, false, null, window);
    }

    private Alarm end(AlarmRule rule, RuleState current, Reading reading, Instant at, PointOwner owner, String cause) {
        String description = describeEnd(rule, reading.value(), cause);
        return new Alarm(current.alarmId(), owner.uscc(), owner.regionCode(), owner.collectorCode(),
                current.pointCode(), rule.param(), rule.id(), rule.type(), current.severity(), AlarmStatus.END,
                reading.value(), rule.threshold(), unit(rule), current.since(), at, description, configVersion);
    }

    private static RuleState with(RuleState s, Instant since, Instant at, double value, List<Instant> starts,
                                  boolean flapping, Instant clearSince, List<RuleState.Sample> window) {
        return new RuleState(s.uscc(), s.pointCode(), s.ruleId(), since, at, s.active(), s.alarmId(), s.severity(),
                s.hardTrigger(), s.description(), value, starts, flapping, clearSince, window);
    }

    private static String unit(AlarmRule rule) {
        return rule.comparison() == Comparison.RISE ? rule.param().unit() + "/min" : rule.param().unit();
    }

    /**
     * A START sentence, e.g. {@code 灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s}; digital signals read
     * {@code 锁气卸灰故障 = 1 持续 60 s}; rates read {@code 灰斗温度上升 1.2 ℃/min ↑≥ 1.0 ℃/min（近 10 min）}; instantaneous
     * rules omit the duration.
     */
    static String describeStart(AlarmRule rule, double value, long heldSeconds) {
        ParameterCode p = rule.param();
        String sentence;
        if (rule.comparison() == Comparison.RISE) {
            sentence = p.chineseName() + "上升 " + String.format(Locale.ROOT, "%.1f", value) + " " + p.unit() + "/min "
                    + rule.comparison().symbol() + " " + String.format(Locale.ROOT, "%.1f", rule.threshold()) + " "
                    + p.unit() + "/min（近 " + span(rule.rate().windowSeconds()) + "）";
        } else if (p.signalType() != SignalType.AI) {
            sentence = p.chineseName() + " " + rule.comparison().symbol() + " " + (long) rule.threshold();
        } else {
            sentence = p.chineseName() + " " + quantity(value, p) + " " + rule.comparison().symbol() + " "
                    + quantity(rule.threshold(), p);
        }
        return rule.durationSeconds() > 0 ? sentence + " 持续 " + heldSeconds + " s" : sentence;
    }

    /** An END sentence, e.g. {@code 灰斗温度 65.0 ℃ 恢复（报警阈值 ≥ 70.0 ℃）}. */
    static String describeEnd(AlarmRule rule, double value, String cause) {
        ParameterCode p = rule.param();
        boolean analog = p.signalType() == SignalType.AI && rule.comparison() != Comparison.RISE;
        String threshold = analog ? quantity(rule.threshold(), p)
                : rule.comparison() == Comparison.RISE ? String.format(Locale.ROOT, "%.1f", rule.threshold()) + " " + p.unit() + "/min"
                : String.valueOf((long) rule.threshold());
        String current = p.signalType() == SignalType.AI ? p.chineseName() + " " + quantity(value, p)
                : p.chineseName() + " = " + (long) value;
        return (cause != null ? cause + "，" : "") + current + " 恢复（报警阈值 " + rule.comparison().symbol() + " "
                + threshold + "）";
    }

    private static String span(long seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
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
