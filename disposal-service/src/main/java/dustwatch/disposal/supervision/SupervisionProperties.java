package dustwatch.disposal.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code dustwatch.disposal.supervision.*}: the weights of the composite ranking score (reference §6.2 defaults:
 * access 20, online 25, alarm disposal 15, warning on-time clearance 25, cleaning check-in 10, valid data 5).
 * The score is Σ weight × rate ÷ Σ weight over the metrics that have a value for the unit, × 100; metrics this
 * service cannot measure (access, online, cleaning, valid data: their data live in ingest) have no value and
 * drop out, so the remaining weights are renormalised.
 *
 * @param weights metric name (as in {@link UnitMetrics#rates()}) → weight
 */
@ConfigurationProperties("dustwatch.disposal.supervision")
public record SupervisionProperties(Map<String, Double> weights) {
    public SupervisionProperties {
        weights = weights == null || weights.isEmpty() ? Map.of() : Map.copyOf(new LinkedHashMap<>(weights));
        weights.forEach((k, v) -> {
            if (v == null || v < 0) {
                throw new IllegalArgumentException("dustwatch.disposal.supervision.weights." + k + " must be ≥ 0");
            }
        });
    }
}
