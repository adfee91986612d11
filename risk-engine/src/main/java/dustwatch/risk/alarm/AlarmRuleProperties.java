package dustwatch.risk.alarm;

import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.reading.ParameterCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code dustwatch.risk.alarm-config-version} and {@code dustwatch.risk.alarm-rules}: the alarm rules in force.
 * Defaults (application.yml and {@link #defaults()}) are those of domain reference §1.2.
 *
 * @param alarmConfigVersion stamped on every alarm as {@code configVersion}
 * @param alarmRules         the rules; several rules may watch one parameter (high and high-high)
 */
@ConfigurationProperties("dustwatch.risk")
public record AlarmRuleProperties(String alarmConfigVersion, List<AlarmRule> alarmRules) {

    public AlarmRuleProperties {
        alarmConfigVersion = alarmConfigVersion == null ? "alarm-rules-default" : alarmConfigVersion;
        alarmRules = alarmRules == null ? List.of() : List.copyOf(alarmRules);
    }

    /** The rules watching {@code param}, in configuration order. */
    public List<AlarmRule> rulesFor(ParameterCode param) {
        return alarmRules.stream().filter(r -> r.param() == param).toList();
    }

    /** The rule with this id, or null. */
    public AlarmRule rule(String id) {
        return alarmRules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The defaults of domain reference §1.2, identical to application.yml (a test keeps them in step). */
    public static AlarmRuleProperties defaults() {
        return new AlarmRuleProperties("alarm-rules-2026.1", List.of(
                rule("DRY_HOPPER_TEMP_HIGH", ParameterCode.DRY_HOPPER_TEMP, Comparison.GE, 70, 60,
                        AlarmType.HIGH, Severity.MAJOR, false, false),
                rule("DRY_HOPPER_TEMP_HIGH_HIGH", ParameterCode.DRY_HOPPER_TEMP, Comparison.GE, 80, 60,
                        AlarmType.HIGH_HIGH, Severity.CRITICAL, false, false),
                rule("DRY_DP_HIGH", ParameterCode.DRY_DP, Comparison.GE, 1800, 600,
                        AlarmType.HIGH, Severity.MAJOR, true, false),
                rule("DRY_DP_HIGH_HIGH", ParameterCode.DRY_DP, Comparison.GE, 2500, 300,
                        AlarmType.HIGH_HIGH, Severity.MAJOR, true, false),
                rule("DRY_DP_LOW", ParameterCode.DRY_DP, Comparison.LE, 100, 600,
                        AlarmType.LOW, Severity.MAJOR, true, false),
                rule("DRY_AIRLOCK_FAULT", ParameterCode.DRY_AIRLOCK_FAULT, Comparison.EQ, 1, 60,
                        AlarmType.DI_FAULT, Severity.MAJOR, false, false),
                rule("WET_TANK_LEVEL_LOW", ParameterCode.WET_TANK_LEVEL, Comparison.LE, 0.3, 60,
                        AlarmType.LOW, Severity.MAJOR, false, false),
                rule("WET_FLOW_LOW", ParameterCode.WET_FLOW, Comparison.LE, 1.0, 60,
                        AlarmType.LOW, Severity.MAJOR, true, false),
                rule("WET_H2_HIGH", ParameterCode.WET_H2, Comparison.GE, 25, 0,
                        AlarmType.HIGH, Severity.MAJOR, false, false),
                rule("WET_H2_HIGH_HIGH", ParameterCode.WET_H2, Comparison.GE, 50, 0,
                        AlarmType.HIGH_HIGH, Severity.CRITICAL, false, true),
                rule("VENT_BURST", ParameterCode.VENT_BURST, Comparison.EQ, 1, 0,
                        AlarmType.DI_FAULT, Severity.CRITICAL, false, true)));
    }

    private static AlarmRule rule(String id, ParameterCode param, Comparison comparison, double threshold,
                                  long durationSeconds, AlarmType type, Severity severity, boolean runGated,
                                  boolean hardTrigger) {
        return new AlarmRule(id, param, comparison, threshold, durationSeconds, type, severity, runGated, hardTrigger);
    }
}
