package dustwatch.risk.alarm;

import dustwatch.contracts.alarm.Severity;

import java.time.Instant;
import java.util.List;

/**
 * What the engine remembers about one (point, rule) pair between readings: since when the rule's condition
 * has held and, once the duration is reached, the started alarm (报警); the recent starts (for flapping) and
 * the last value (for rates of rise). Kept in a state store keyed {@code {uscc}|{pointCode}|{ruleId}};
 * forgotten when nothing of it matters any more.
 *
 * @param uscc          enterprise code
 * @param pointCode     the point
 * @param ruleId        the rule
 * @param since         collect time of the first value of the current run of crossing values, null when the
 *                      condition does not hold
 * @param lastSeen      collect time of the latest value evaluated (older values are ignored)
 * @param active        true once the alarm has started
 * @param alarmId       id of the started alarm, null while pending
 * @param severity      severity of the started alarm, null while pending
 * @param hardTrigger   whether the started alarm forces RED
 * @param description   the START description, null while pending
 * @param lastValue     the latest value evaluated
 * @param recentStarts  start times of this pair's alarms within the flapping window, oldest first
 * @param flapping      the active alarm is flapping (振荡): clear values do not end it at once
 * @param clearSince    while flapping, collect time since when the value has stayed clear
 * @param samples       for RISE rules, the values of the rate window, oldest first; empty otherwise
 */
public record RuleState(
        String uscc,
        String pointCode,
        String ruleId,
        Instant since,
        Instant lastSeen,
        boolean active,
        String alarmId,
        Severity severity,
        boolean hardTrigger,
        String description,
        Double lastValue,
        List<Instant> recentStarts,
        boolean flapping,
        Instant clearSince,
        List<Sample> samples) {

    public RuleState {
        recentStarts = recentStarts == null ? List.of() : List.copyOf(recentStarts);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /**
     * One value of a rate window.
     *
     * @param at    collect time
     * @param value the value
     */
    public record Sample(Instant at, double value) {
    }

    /** The store key of a (point, rule) pair: {@code {uscc}|{pointCode}|{ruleId}}. */
    public static String key(String uscc, String pointCode, String ruleId) {
        return keyPrefix(uscc) + pointCode + "|" + ruleId;
    }

    /** The prefix every key of one enterprise starts with: {@code {uscc}|}. */
    public static String keyPrefix(String uscc) {
        return uscc + "|";
    }
}
