package dustwatch.disposal.supervision;

import dustwatch.contracts.risk.Colour;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Computes {@link UnitMetrics} from {@link Facts} for a period [from, to), grouped by a {@link Level}, and ranks
 * the units by the composite score. Pure: the tests give it a fixture month and compare with figures worked
 * out by hand.
 */
public final class MetricsCalculator {
    private final Map<String, Double> weights;
    private final SupervisionProperties properties;

    public MetricsCalculator(SupervisionProperties properties) {
        this.weights = properties.weights();
        this.properties = properties;
    }

    /** Without registered-enterprise facts: access, online, valid-data and cleaning rates stay absent. */
    public List<UnitMetrics> compute(List<Facts.AlarmFact> alarms, List<Facts.WarningFact> warnings, Level level,
                                     Instant from, Instant to, Instant cutoff) {
        return compute(alarms, warnings, List.of(), level, from, to, cutoff);
    }

    /**
     * The metrics of every unit that had an alarm, a warning or a registered enterprise, ordered by unit key.
     *
     * @param cutoff the instant "open past deadline" is judged at: the period's end, or now when that is earlier
     */
    public List<UnitMetrics> compute(List<Facts.AlarmFact> alarms, List<Facts.WarningFact> warnings,
                                     List<Facts.EnterpriseFact> enterprises, Level level, Instant from, Instant to,
                                     Instant cutoff) {
        Map<String, List<Facts.AlarmFact>> alarmsBy = new TreeMap<>();
        for (Facts.AlarmFact a : alarms) {
            if (!a.startedAt().isBefore(from) && a.startedAt().isBefore(to)) {
                alarmsBy.computeIfAbsent(level.unitOf(a.uscc(), a.regionCode()), k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, List<Facts.WarningFact>> warningsBy = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Facts.WarningFact w : warnings) {
            String unit = level.unitOf(w.uscc(), w.regionCode());
            warningsBy.computeIfAbsent(unit, k -> new ArrayList<>()).add(w);
            if (level == Level.ENTERPRISE && w.enterpriseName() != null) {
                names.put(unit, w.enterpriseName());
            }
        }
        Map<String, List<Facts.EnterpriseFact>> enterprisesBy = new TreeMap<>();
        for (Facts.EnterpriseFact e : enterprises) {
            String unit = level.unitOf(e.uscc(), e.regionCode());
            enterprisesBy.computeIfAbsent(unit, k -> new ArrayList<>()).add(e);
            if (level == Level.ENTERPRISE && e.name() != null) {
                names.putIfAbsent(unit, e.name());
            }
        }
        TreeMap<String, Boolean> units = new TreeMap<>();
        enterprisesBy.keySet().forEach(u -> units.put(u, true));
        alarmsBy.keySet().forEach(u -> units.put(u, true));
        warningsBy.keySet().forEach(u -> units.put(u, true));
        List<UnitMetrics> result = new ArrayList<>();
        for (String unit : units.keySet()) {
            List<Facts.EnterpriseFact> registered = enterprisesBy.getOrDefault(unit, List.of());
            Coverage.Rates coverage = registered.isEmpty() ? Coverage.Rates.NONE
                    : Coverage.of(registered, properties, from, to, cutoff);
            UnitMetrics m = unit(unit, names.get(unit), alarmsBy.getOrDefault(unit, List.of()),
                    warningsBy.getOrDefault(unit, List.of()), coverage, from, to, cutoff);
            result.add(m.withScore(score(m)));
        }
        return result;
    }

    /** The units by descending score (units without a score last, then by key). */
    public static List<UnitMetrics> rank(List<UnitMetrics> metrics) {
        return metrics.stream().sorted(Comparator.comparing((UnitMetrics m) -> m.score() == null ? -1 : m.score())
                .reversed().thenComparing(UnitMetrics::unit)).toList();
    }

    /** Σ weight × rate ÷ Σ weight over the rates that have a value, × 100 (rounded to 0.01); null when none has. */
    Double score(UnitMetrics m) {
        double sum = 0;
        double weight = 0;
        for (Map.Entry<String, Double> rate : m.rates().entrySet()) {
            Double w = weights.get(rate.getKey());
            if (w != null && w > 0 && rate.getValue() != null) {
                sum += w * rate.getValue();
                weight += w;
            }
        }
        return weight == 0 ? null : Math.round(sum / weight * 10000) / 100.0;
    }

    private static UnitMetrics unit(String unit, String name, List<Facts.AlarmFact> alarms,
                                    List<Facts.WarningFact> warnings, Coverage.Rates coverage, Instant from, Instant to,
                                    Instant cutoff) {
        int n = alarms.size();
        Double signIn = rate(alarms, a -> a.signedInAt() != null || a.closedAt() != null, n);
        Double timely = rate(alarms, a -> by(a.signedInAt(), a.signInDue()) || by(a.recoveredAt(), a.signInDue())
                || by(a.closedAt(), a.signInDue()), n);
        Double disposal = rate(alarms, a -> a.closedAt() != null, n);

        List<Facts.WarningFact> issued = warnings.stream()
                .filter(w -> !w.issuedAt().isBefore(from) && w.issuedAt().isBefore(to)).toList();
        Double warningSignIn = rate(issued, w -> by(w.signedInAt(), w.signInDeadline()), issued.size());
        List<Facts.WarningFact> due = warnings.stream()
                .filter(w -> !w.clearDeadline().isBefore(from) && w.clearDeadline().isBefore(to))
                .filter(w -> !by(w.supersededAt(), w.clearDeadline())).toList();
        Double onTime = rate(due, w -> by(w.clearedAt(), w.clearDeadline()), due.size());
        List<Facts.WarningFact> redOrange = issued.stream()
                .filter(w -> w.colour() == Colour.RED || w.colour() == Colour.ORANGE).toList();
        Double verification = rate(redOrange, w -> by(w.reviewedAt(), w.verifyDeadline()), redOrange.size());
        Map<Colour, Integer> overdue = new EnumMap<>(Colour.class);
        for (Colour c : Colour.values()) {
            overdue.put(c, 0);
        }
        for (Facts.WarningFact w : warnings) {
            boolean open = !by(w.clearedAt(), cutoff) && !by(w.supersededAt(), cutoff);
            if (w.issuedAt().isBefore(cutoff) && w.clearDeadline().isBefore(cutoff) && open) {
                overdue.merge(w.colour(), 1, Integer::sum);
            }
        }
        return new UnitMetrics(unit, name, n, signIn, timely, disposal, issued.size(), warningSignIn, due.size(), onTime,
                verification, coverage.access(), coverage.online(), coverage.validData(), coverage.cleaningCheckIn(),
                overdue, null);
    }

    /** True when {@code done} happened at or before {@code deadline}. */
    private static boolean by(Instant done, Instant deadline) {
        return done != null && !done.isAfter(deadline);
    }

    private static <T> Double rate(List<T> items, Predicate<T> counted, int denominator) {
        if (denominator == 0) {
            return null;
        }
        return (double) items.stream().filter(counted).count() / denominator;
    }
}
