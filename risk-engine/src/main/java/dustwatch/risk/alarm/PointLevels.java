package dustwatch.risk.alarm;

import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.MonitoringPoint;

import java.util.Map;

/**
 * The levels a rule applies at one point (报警阈值): the configured rule's, unless the registry says otherwise —
 * first the point's own {@code thresholds} (registered per collector, keyed by alarm type, domain reference
 * §1.2 "thresholds configurable per collector"), then {@code dustwatch.risk.alarm-dust-type-thresholds} for the
 * collector's dust type (the enterprise's main dust when the collector names none). A new profile on
 * {@code dust.registry} takes effect with the next reading, without a restart. The clear level keeps the
 * configured distance from the set level (hysteresis).
 */
public final class PointLevels {
    private final Map<DustType, Map<String, Double>> dustTypeThresholds;

    /** @param dustTypeThresholds rule id → set level, per dust type ({@link AlarmRuleProperties#alarmDustTypeThresholds()}) */
    public PointLevels(Map<DustType, Map<String, Double>> dustTypeThresholds) {
        this.dustTypeThresholds = dustTypeThresholds;
    }

    /**
     * The rule as it applies at {@code pointCode} of collector {@code collectorCode} of {@code profile}.
     *
     * @return {@code rule} itself when nothing overrides it
     */
    public AlarmRule at(AlarmRule rule, EnterpriseProfile profile, String collectorCode, String pointCode) {
        DustCollector collector = collectorCode == null ? null : profile.collector(collectorCode).orElse(null);
        if (collector != null) {
            for (MonitoringPoint p : collector.points()) {
                Double own = p.code().equals(pointCode) ? p.thresholds().get(rule.type()) : null;
                if (own != null) {
                    return shifted(rule, own);
                }
            }
        }
        DustType dust = collector != null && collector.dustType() != null ? collector.dustType() : profile.dustType();
        Double byDust = dust == null ? null : dustTypeThresholds.getOrDefault(dust, Map.of()).get(rule.id());
        return byDust != null ? shifted(rule, byDust) : rule;
    }

    private static AlarmRule shifted(AlarmRule rule, double threshold) {
        if (threshold == rule.threshold()) {
            return rule;
        }
        Double clear = rule.clearThreshold() == null ? null : threshold - (rule.threshold() - rule.clearThreshold());
        return rule.withLevels(threshold, clear);
    }
}
