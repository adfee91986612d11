package dustwatch.risk.model;

import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.risk.RiskFactor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dustwatch.risk.model.DynamicFactor.fmt;

/**
 * Active alarms (报警项), §3.2 step B: each active alarm weighs its severity's points times the duration
 * multiplier of how long it has been active; the block is capped. Config {@code dustwatch.risk.model.factors.alarms}.
 */
public final class AlarmBlockFactor implements DynamicFactor {
    private final Weights w;

    public AlarmBlockFactor(Weights weights) {
        this.w = weights;
    }

    /**
     * @param criticalPoints      per active critical alarm, 40
     * @param majorPoints         per active major alarm, 20
     * @param minorPoints         per active minor alarm, 5
     * @param durationMultipliers an alarm active at least {@code minutes} weighs {@code factor} times its points
     *                            (30 min ×1.25, 120 min ×1.5); the longest reached applies
     * @param cap                 cap of the block, 60
     */
    public record Weights(double criticalPoints, double majorPoints, double minorPoints,
                          List<DurationMultiplier> durationMultipliers, double cap) {
        public Weights {
            durationMultipliers = durationMultipliers == null ? List.of()
                    : durationMultipliers.stream().sorted(Comparator.comparingLong(DurationMultiplier::minutes).reversed()).toList();
        }
    }

    /**
     * @param minutes how long the alarm has been active
     * @param factor  the multiplier, e.g. 1.25
     */
    public record DurationMultiplier(long minutes, double factor) {
    }

    @Override
    public List<RiskFactor> contributions(EnterpriseRiskState state, Instant at) {
        return contributions(state.activeAlarms(), at);
    }

    /** The block for a list of active alarms. */
    public List<RiskFactor> contributions(List<ActiveAlarm> alarms, Instant at) {
        List<RiskFactor> factors = new ArrayList<>();
        double block = 0;
        for (ActiveAlarm alarm : alarms.stream().sorted(RiskModel.mainFirst()).toList()) {
            double base = switch (alarm.severity() == null ? Severity.MINOR : alarm.severity()) {
                case CRITICAL -> w.criticalPoints();
                case MAJOR -> w.majorPoints();
                case MINOR -> w.minorPoints();
            };
            long minutes = alarm.since() == null ? 0 : Math.max(0, Duration.between(alarm.since(), at).toMinutes());
            double factor = w.durationMultipliers().stream().filter(m -> minutes >= m.minutes()).findFirst()
                    .map(DurationMultiplier::factor).orElse(1.0);
            double points = base * factor;
            block += points;
            String detail = alarm.description() + " " + fmt(base)
                    + (factor != 1.0 ? " ×" + fmt(factor) + "（已持续 " + minutes + " min）" : "");
            factors.add(new RiskFactor("ALARM_" + alarm.severity(), points, detail));
        }
        if (block > w.cap()) {
            factors.add(new RiskFactor("ALARM_BLOCK_CAP", w.cap() - block, "报警项封顶 " + fmt(w.cap())));
        }
        return factors;
    }
}
