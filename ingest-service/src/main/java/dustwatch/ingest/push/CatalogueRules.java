package dustwatch.ingest.push;

import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.platform.RejectedRequestException;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.SignalType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dustwatch.ingest.catalogue.*}: what a value must be to enter the platform (domain reference §1.2, §2.5).
 * The defaults live in the shipped {@code application.yml} only.
 *
 * @param ranges               the plausible physical range of every analogue (AI) and counter (CNT) parameter, in the
 *                             catalogue's unit; a value outside is refused ({@link ReasonCode#OUT_OF_RANGE}). Not
 *                             alarm thresholds: a hopper at 300 ℃ is a fire, not an error, so the ranges are wide
 * @param gatewayQualityCodes  quality codes of §2.5 a gateway may send (0 good, 1 out of range, 2 sensor fault,
 *                             3 communication loss); 4–7 (flat-line, spike, maintenance, late) are the platform's
 *                             own judgements and are refused from gateways
 */
@ConfigurationProperties("dustwatch.ingest.catalogue")
public record CatalogueRules(Map<ParameterCode, Range> ranges, Set<Integer> gatewayQualityCodes) {

    /**
     * A closed interval.
     *
     * @param min lowest plausible value
     * @param max highest plausible value
     */
    public record Range(double min, double max) {
        public boolean contains(double v) {
            return v >= min && v <= max;
        }
    }

    public CatalogueRules {
        ranges = ranges == null ? Map.of() : Map.copyOf(ranges);
        gatewayQualityCodes = gatewayQualityCodes == null ? Set.of() : Set.copyOf(gatewayQualityCodes);
        List<String> problems = new ArrayList<>();
        for (ParameterCode p : ParameterCode.values()) {
            Range r = ranges.get(p);
            if (p.signalType() != SignalType.DI && r == null) {
                problems.add(p + " has no range");
            } else if (r != null && !(r.min() < r.max())) {
                problems.add(p + " range min " + r.min() + " is not below max " + r.max());
            }
        }
        if (gatewayQualityCodes.isEmpty()) {
            problems.add("gateway-quality-codes is empty");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("dustwatch.ingest.catalogue: " + String.join("; ", problems));
        }
    }

    /** The range of {@code p}, or null for a digital parameter. */
    public Range range(ParameterCode p) {
        return ranges.get(p);
    }
}
