package dustwatch.risk.alarm;

import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.reading.ParameterCode;

import java.util.Objects;

/**
 * One alarm rule (报警规则) of domain reference §1.2: a point of parameter {@code param} whose good-quality
 * values satisfy {@code comparison threshold} for at least {@code durationSeconds} raises an alarm.
 *
 * @param id              rule id, stamped on the alarm, e.g. {@code DRY_HOPPER_TEMP_HIGH}
 * @param param           the catalogue parameter the rule watches
 * @param comparison      GE, LE, EQ, or RISE (rate of rise per minute over the rule's {@code rate} window)
 * @param threshold       set level, in the parameter's unit ({@link ParameterCode#unit()}: ℃, Pa, m, m³/h,
 *                        %LEL, 0/1), or in unit per minute for RISE
 * @param clearThreshold  clear level (hysteresis): an active alarm ends only when the value no longer satisfies
 *                        {@code comparison clearThreshold}; null = the set level (no hysteresis)
 * @param durationSeconds how long the condition must hold before the alarm starts; 0 = on the first value
 * @param type            alarm type on the wire (HIGH, HIGH_HIGH, LOW, DI_FAULT …)
 * @param severity        weight class in the dynamic risk score (§3.2 step B)
 * @param runGated        evaluated only while the collector's fan runs (last FAN_RUN = 1)
 * @param hardTrigger     an active alarm of this rule forces the enterprise's colour to RED (一票否决, §3.2)
 * @param rate            for RISE rules (required there, ignored otherwise): the window the rate is taken over
 */
public record AlarmRule(
        String id,
        ParameterCode param,
        Comparison comparison,
        double threshold,
        Double clearThreshold,
        long durationSeconds,
        AlarmType type,
        Severity severity,
        boolean runGated,
        boolean hardTrigger,
        RateWindow rate) {

    /**
     * @throws IllegalArgumentException when a field is missing, the duration is negative or the clear level lies
     *                                  beyond the set level
     */
    public AlarmRule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an alarm rule needs an id");
        }
        Objects.requireNonNull(param, () -> "alarm rule " + id + " needs a param");
        Objects.requireNonNull(comparison, () -> "alarm rule " + id + " needs a comparison");
        Objects.requireNonNull(type, () -> "alarm rule " + id + " needs a type");
        Objects.requireNonNull(severity, () -> "alarm rule " + id + " needs a severity");
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("alarm rule " + id + " has a negative duration");
        }
        if (comparison == Comparison.RISE && rate == null) {
            throw new IllegalArgumentException("alarm rule " + id + " (RISE) needs a rate window");
        }
        if (clearThreshold != null && (comparison == Comparison.GE || comparison == Comparison.RISE)
                && clearThreshold > threshold) {
            throw new IllegalArgumentException("alarm rule " + id + ": clear level " + clearThreshold
                    + " above its set level " + threshold);
        }
        if (clearThreshold != null && comparison == Comparison.LE && clearThreshold < threshold) {
            throw new IllegalArgumentException("alarm rule " + id + ": clear level " + clearThreshold
                    + " below its set level " + threshold);
        }
    }

    /**
     * The window a rate of rise (升温速率) is taken over: the least-squares slope of the point's good values
     * collected within the last {@code windowSeconds}, in unit per minute. No rate (the rule neither starts nor
     * holds) until the values of the window number at least {@code minSamples} and span at least
     * {@code minSpanSeconds}, so that sensor noise between two values a few seconds apart is never taken for a
     * rise (domain reference §1.2: "rate-of-rise ≥ 5 °C/min over 3 min").
     *
     * @param windowSeconds  the window, e.g. 600
     * @param minSpanSeconds the least time between the window's first and last value, e.g. 480
     * @param minSamples     the fewest values, e.g. 6
     */
    public record RateWindow(long windowSeconds, long minSpanSeconds, int minSamples) {
        public RateWindow {
            if (windowSeconds <= 0 || minSpanSeconds <= 0 || minSpanSeconds > windowSeconds || minSamples < 3) {
                throw new IllegalArgumentException("a rate window needs 0 < min-span-seconds ≤ window-seconds and"
                        + " min-samples ≥ 3, got " + windowSeconds + " s / " + minSpanSeconds + " s / " + minSamples);
            }
        }
    }

    /** This rule with other set and clear levels (thresholds registered for one point), everything else kept. */
    public AlarmRule withLevels(double newThreshold, Double newClearThreshold) {
        return new AlarmRule(id, param, comparison, newThreshold, newClearThreshold, durationSeconds, type, severity,
                runGated, hardTrigger, rate);
    }

    /** The level an active alarm must leave to end: {@code clearThreshold}, or the set level without one. */
    public double clearLevel() {
        return clearThreshold != null ? clearThreshold : threshold;
    }
}
