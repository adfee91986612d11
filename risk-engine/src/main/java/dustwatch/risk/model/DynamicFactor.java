package dustwatch.risk.model;

import dustwatch.contracts.risk.RiskFactor;

import java.time.Instant;
import java.util.List;

/** One block of the dynamic score D (domain reference §3.2 step B), each with its own weights. */
public interface DynamicFactor {

    /**
     * The contributions of this block for an enterprise at {@code at}.
     *
     * @return factors whose points add up to the block's share of D; empty when the block contributes nothing
     */
    List<RiskFactor> contributions(EnterpriseRiskState state, Instant at);

    /** Formats points without a needless fraction: {@code 20}, {@code 1.25}. */
    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
