package dustwatch.disposal.alarm;

import dustwatch.contracts.alarm.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code dustwatch.disposal.alarm-sla.*}: the SLAs of alarm handling per severity (domain reference §4.2:
 * sign-in 15 min critical, 30 min major, 2 h minor; feedback 2 h critical/major, 24 h minor), counted from the
 * alarm's start, and how often breaches are looked for.
 *
 * @param tickInterval pause between two SLA checks, e.g. 30s
 * @param limits       per severity, the sign-in and feedback durations
 * @throws IllegalArgumentException at start-up when a severity lacks its limits
 */
@ConfigurationProperties("dustwatch.disposal.alarm-sla")
public record AlarmSla(Duration tickInterval, Map<Severity, Limit> limits) {
    public AlarmSla {
        tickInterval = tickInterval == null ? Duration.ofSeconds(30) : tickInterval;
        limits = limits == null ? Map.of() : limits;
        for (Severity s : Severity.values()) {
            if (limits.get(s) == null) {
                throw new IllegalArgumentException("dustwatch.disposal.alarm-sla.limits." + s + " is missing");
            }
        }
        limits = Map.copyOf(new EnumMap<>(limits));
    }

    /** The limits of a severity. */
    public Limit of(Severity severity) {
        return limits.get(severity);
    }

    /**
     * @param signIn   sign in within this, e.g. 15m
     * @param feedback give feedback within this, e.g. 2h
     */
    public record Limit(Duration signIn, Duration feedback) {
        public Limit {
            if (signIn == null || feedback == null || !signIn.isPositive() || !feedback.isPositive()) {
                throw new IllegalArgumentException("alarm SLAs must be positive durations, got " + signIn + ", " + feedback);
            }
        }
    }
}
