package dustwatch.risk.model;

import dustwatch.contracts.risk.RiskFactor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dustwatch.risk.model.DynamicFactor.fmt;

/**
 * Repeated alarms (重复报警), §3.2 step B: a point whose alarm of one rule started at least {@code minStarts} times
 * within {@code windowHours} adds {@code points}; the block is capped. Counted per point and rule, so that a
 * rate-of-rise alarm accompanying a high alarm is not taken for a repetition. Config {@code dustwatch.risk.model.factors.repeats}.
 */
public final class RepeatedAlarmsFactor implements DynamicFactor {
    private final Weights w;

    public RepeatedAlarmsFactor(Weights weights) {
        this.w = weights;
    }

    /**
     * @param minStarts   starts of one point that count as repeated, 3
     * @param windowHours the window, 24
     * @param points      per repeating point, 10
     * @param cap         cap of the block, 10
     */
    public record Weights(int minStarts, long windowHours, double points, double cap) {
    }

    @Override
    public List<RiskFactor> contributions(EnterpriseRiskState state, Instant at) {
        Instant from = at.minus(Duration.ofHours(w.windowHours()));
        Map<String, Long> perPoint = state.alarmStarts().stream()
                .filter(s -> !s.at().isBefore(from) && !s.at().isAfter(at))
                .collect(Collectors.groupingBy(s -> s.pointCode() + " " + s.ruleId(), TreeMap::new, Collectors.counting()));
        List<RiskFactor> factors = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Long> e : perPoint.entrySet()) {
            if (e.getValue() >= w.minStarts() && total < w.cap()) {
                double p = Math.min(w.points(), w.cap() - total);
                total += p;
                factors.add(new RiskFactor("REPEATED_ALARMS", p, "点位 " + e.getKey() + " " + w.windowHours() + " h 内报警 "
                        + e.getValue() + " 次 " + fmt(p)));
            }
        }
        return factors;
    }
}
