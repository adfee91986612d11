package dustwatch.risk.alarm;

import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.reading.ParameterCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dustwatch.risk.alarm-config-version}, {@code dustwatch.risk.alarm-rules} and
 * {@code dustwatch.risk.alarm-flapping}: the alarm rules in force. Defaults (domain reference §1.2) live in
 * the shipped application.yml only; tests bind it.
 *
 * @param alarmConfigVersion stamped on every alarm as {@code configVersion}
 * @param alarmRules         the rules; several rules may watch one parameter (high and high-high)
 * @param alarmFlapping      when an alarm counts as flapping (振荡)
 * @param alarmDustTypeThresholds set levels per dust type and rule id, overriding the rule's own (a point's
 *                           registered thresholds override both); empty by default
 */
@ConfigurationProperties("dustwatch.risk")
public record AlarmRuleProperties(String alarmConfigVersion, List<AlarmRule> alarmRules, Flapping alarmFlapping,
                                  Map<DustType, Map<String, Double>> alarmDustTypeThresholds) {

    /** @throws IllegalArgumentException when the version is missing or two rules share an id */
    public AlarmRuleProperties {
        if (alarmConfigVersion == null || alarmConfigVersion.isBlank()) {
            throw new IllegalArgumentException("dustwatch.risk.alarm-config-version is missing");
        }
        alarmRules = alarmRules == null ? List.of() : List.copyOf(alarmRules);
        Set<String> ids = new HashSet<>();
        for (AlarmRule r : alarmRules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("alarm rule id " + r.id() + " is configured twice");
            }
        }
        alarmFlapping = alarmFlapping == null ? new Flapping(0, 0, 0) : alarmFlapping;
        alarmDustTypeThresholds = alarmDustTypeThresholds == null ? Map.of() : Map.copyOf(alarmDustTypeThresholds);
        alarmDustTypeThresholds.forEach((dust, levels) -> levels.keySet().forEach(id -> {
            if (ids.stream().noneMatch(id::equals)) {
                throw new IllegalArgumentException("dustwatch.risk.alarm-dust-type-thresholds." + dust + " names rule "
                        + id + ", which dustwatch.risk.alarm-rules does not configure");
            }
        }));
    }

    /**
     * Flapping (振荡): an alarm that started {@code starts} times within {@code windowMinutes} is not ended by
     * its next clear value; it stays open, marked flapping, until its value has stayed clear for
     * {@code quietMinutes}. {@code starts} 0 switches flapping off.
     *
     * @param starts        starts within the window that make an alarm flapping, e.g. 3
     * @param windowMinutes the window, e.g. 30
     * @param quietMinutes  how long a flapping alarm must stay clear to end, e.g. 10
     */
    public record Flapping(int starts, long windowMinutes, long quietMinutes) {
    }

    /** The rules watching {@code param}, in configuration order. */
    public List<AlarmRule> rulesFor(ParameterCode param) {
        return alarmRules.stream().filter(r -> r.param() == param).toList();
    }

    /** The rule with this id, or null. */
    public AlarmRule rule(String id) {
        return alarmRules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
