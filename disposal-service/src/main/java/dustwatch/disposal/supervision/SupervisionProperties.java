package dustwatch.disposal.supervision;

import dustwatch.contracts.enterprise.DustType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code dustwatch.disposal.supervision.*}: the weights of the composite ranking score (reference §6.2 defaults:
 * access 20, online 25, alarm disposal 15, warning on-time clearance 25, cleaning check-in 10, valid data 5),
 * and which registered enterprises must be connected (应接尽接). The score is Σ weight × rate ÷ Σ weight over the
 * metrics that have a value for the unit, × 100; a metric without a value for a unit (no alarms, no registered
 * enterprise, no cleaning plan …) drops out and the remaining weights are renormalised.
 *
 * @param weights               metric name (as in {@link UnitMetrics#rates()}) → weight
 * @param inScopeMinDustWorkers dust type name (or {@code DEFAULT}) → the number of dust-exposed workers from which a
 *                              registered enterprise must be connected; a type without an entry uses DEFAULT
 */
@ConfigurationProperties("dustwatch.disposal.supervision")
public record SupervisionProperties(Map<String, Double> weights, Map<String, Integer> inScopeMinDustWorkers) {
    /** Default in-scope rule when none is configured: 30 dust-exposed workers (reference B5). */
    static final int DEFAULT_MIN_DUST_WORKERS = 30;

    public SupervisionProperties(Map<String, Double> weights) {
        this(weights, null);
    }

    @ConstructorBinding
    public SupervisionProperties {
        weights = weights == null || weights.isEmpty() ? Map.of() : Map.copyOf(new LinkedHashMap<>(weights));
        weights.forEach((k, v) -> {
            if (v == null || v < 0) {
                throw new IllegalArgumentException("dustwatch.disposal.supervision.weights." + k + " must be ≥ 0");
            }
        });
        inScopeMinDustWorkers = inScopeMinDustWorkers == null ? Map.of() : Map.copyOf(inScopeMinDustWorkers);
        inScopeMinDustWorkers.forEach((k, v) -> {
            if (!k.equals("DEFAULT")) {
                DustType.valueOf(k);
            }
            if (v == null || v < 0) {
                throw new IllegalArgumentException("dustwatch.disposal.supervision.in-scope-min-dust-workers." + k + " must be ≥ 0");
            }
        });
    }

    /** True when an enterprise of {@code type} with {@code dustWorkers} must be connected. */
    public boolean inScope(DustType type, int dustWorkers) {
        Integer min = type == null ? null : inScopeMinDustWorkers.get(type.name());
        if (min == null) {
            min = inScopeMinDustWorkers.getOrDefault("DEFAULT", DEFAULT_MIN_DUST_WORKERS);
        }
        return dustWorkers >= min;
    }
}
