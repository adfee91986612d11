package dustwatch.risk.model;

import dustwatch.contracts.risk.RiskFactor;

import java.time.Instant;
import java.util.List;

import static dustwatch.risk.model.DynamicFactor.fmt;

/**
 * Filing mismatch (报备不符), §2.6 and §3.2 step B: a collector fan seen running during an approved
 * stop-production filing in its scope adds {@code points} (once) while the filing lasts. Config
 * {@code dustwatch.risk.model.factors.filing-mismatch}.
 */
public final class FilingMismatchFactor implements DynamicFactor {
    private final Weights w;

    public FilingMismatchFactor(Weights weights) {
        this.w = weights;
    }

    /** @param points points, 10 */
    public record Weights(double points) {
    }

    @Override
    public List<RiskFactor> contributions(EnterpriseRiskState state, Instant at) {
        return state.runningDuringStop().entrySet().stream().findFirst()
                .map(e -> List.of(new RiskFactor("FILING_MISMATCH", w.points(), "停产报备期间 "
                        + ("*".equals(e.getKey()) ? "除尘风机" : e.getKey() + " 风机") + "运行 " + fmt(w.points()))))
                .orElse(List.of());
    }
}
