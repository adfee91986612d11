package dustwatch.contracts.alarm;

/**
 * How much an active alarm weighs in the dynamic risk score (domain reference §3.2 step B): critical 40,
 * major 20, minor 5 points by default.
 */
public enum Severity {
    /** 重大: hopper temperature high-high, spark burst, H₂ ≥ 50 % LEL, vent/isolation/suppression actuated. */
    CRITICAL,
    /** 较大: hopper temperature high, ΔP high-high/low, airlock fault, low tank level, low flow, H₂ ≥ 25 % LEL. */
    MAJOR,
    /** 一般: other thresholds and data-quality alarms on mandatory points. */
    MINOR
}
