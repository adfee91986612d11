package dustwatch.risk.model;

import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.risk.RiskFactor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dustwatch.risk.model.DynamicFactor.fmt;

/**
 * Offline during production (离线), §2.6 and §3.2 step B: a gateway (else a mandatory point) reported offline and
 * silent for at least
 * {@code minutes} while no
 * approved stop-production filing covers the enterprise adds {@code points} (once). Config
 * {@code dustwatch.risk.model.factors.offline}.
 */
public final class OfflineFactor implements DynamicFactor {
    private final Weights w;

    public OfflineFactor(Weights weights) {
        this.w = weights;
    }

    /**
     * @param minutes silence that counts, 30
     * @param points  points, 15
     */
    public record Weights(long minutes, double points) {
    }

    @Override
    public List<RiskFactor> contributions(EnterpriseRiskState state, Instant at) {
        boolean stopped = state.activeFilings(at).stream()
                .anyMatch(f -> f.collectorCode() == null && f.kind() != FilingKind.COLLECTOR_OUT_OF_SERVICE);
        if (stopped) {
            return List.of();
        }
        Instant limit = at.minus(Duration.ofMinutes(w.minutes()));
        return state.gatewaysLastSeen().entrySet().stream()
                .filter(e -> state.offlineGateways().contains(e.getKey()) && !e.getValue().isAfter(limit))
                .min(Map.Entry.comparingByValue())
                .map(e -> List.of(new RiskFactor("OFFLINE", w.points(), "网关 " + e.getKey() + " 离线 "
                        + Duration.between(e.getValue(), at).toMinutes() + " min（生产期间） " + fmt(w.points()))))
                .or(() -> state.pointsLastSeen().entrySet().stream() // a mandatory point offline counts alike (§3.2)
                        .filter(e -> state.offlinePoints().contains(e.getKey()) && !e.getValue().lastSeen().isAfter(limit))
                        .min(Map.Entry.comparingByValue(java.util.Comparator.comparing(EnterpriseRiskState.PointSeen::lastSeen)))
                        .map(e -> List.of(new RiskFactor("OFFLINE", w.points(), "点位 " + e.getKey() + " 离线 "
                                + Duration.between(e.getValue().lastSeen(), at).toMinutes() + " min（生产期间） "
                                + fmt(w.points())))))
                .orElse(List.of());
    }
}
