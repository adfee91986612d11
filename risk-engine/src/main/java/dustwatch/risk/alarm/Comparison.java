package dustwatch.risk.alarm;

/** How an alarm rule compares a value with its threshold. Domain reference §1.2. */
public enum Comparison {
    /** value ≥ threshold (high alarms). */
    GE("≥"),
    /** value ≤ threshold (low alarms). */
    LE("≤"),
    /** value = threshold (digital signals, e.g. fault = 1). */
    EQ("="),
    /** rate of rise ≥ threshold per minute between two consecutive values (升温速率). */
    RISE("↑≥");

    private static final double EPSILON = 1e-9;
    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** The mathematical sign used in alarm descriptions, e.g. {@code ≥}. */
    public String symbol() {
        return symbol;
    }

    /** True when {@code value} satisfies this comparison with {@code threshold}. */
    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GE -> value >= threshold;
            case LE -> value <= threshold;
            case EQ -> Math.abs(value - threshold) < EPSILON;
            case RISE -> value >= threshold; // value is the rate per minute, computed by the evaluator
        };
    }
}
