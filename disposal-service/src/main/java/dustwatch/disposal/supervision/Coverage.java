package dustwatch.disposal.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The four rates supervision takes from other services' data (reference §6.2), over the enterprises of one unit
 * and a period [from, to) judged at {@code cutoff} (≤ to). Pure; definitions (documented in docs/architecture.md):
 * <ul>
 *   <li>access rate (企业接入率): in-scope enterprises that have reported every registered point (or, with no
 *       points registered, at least one point of every collector) ÷ in-scope registered enterprises;</li>
 *   <li>online rate (在线率): Σ online seconds ÷ Σ expected seconds, expected from registration (or the period's
 *       start) to the cutoff; online from the first value received, except during enterprise-wide outages;</li>
 *   <li>valid-data rate (数据有效率): good-quality values ÷ values received in the period;</li>
 *   <li>cleaning check-in rate (清扫打卡率): per plan area, check-ins counted up to the required number (per shift:
 *       days × shifts, daily: days, weekly: started weeks of 7 days) ÷ the required number, summed.</li>
 * </ul>
 */
public final class Coverage {
    private Coverage() {
    }

    /** The four rates of a unit; a rate is null when its denominator is 0. */
    public record Rates(Double access, Double online, Double validData, Double cleaningCheckIn) {
        static final Rates NONE = new Rates(null, null, null, null);
    }

    public static Rates of(List<Facts.EnterpriseFact> enterprises, SupervisionProperties rules, Instant from, Instant to,
                           Instant cutoff) {
        long inScope = 0;
        long connected = 0;
        long expected = 0;
        long online = 0;
        long samples = 0;
        long good = 0;
        long required = 0;
        long done = 0;
        Instant end = cutoff.isBefore(to) ? cutoff : to;
        for (Facts.EnterpriseFact e : enterprises) {
            if (e.registeredAt().isBefore(to) && rules.inScope(e.dustType(), e.dustWorkers())) {
                inScope++;
                connected += connected(e) ? 1 : 0;
            }
            Instant start = e.registeredAt().isAfter(from) ? e.registeredAt() : from;
            if (start.isBefore(end)) {
                expected += Duration.between(start, end).toSeconds();
                online += onlineSeconds(e, start, end);
            }
            samples += e.samples();
            good += e.goodSamples();
            long days = days(from, end);
            for (Facts.PlanArea area : e.cleaningAreas()) {
                long need = switch (area.frequency()) {
                    case PER_SHIFT -> days * Math.max(1, e.shifts());
                    case DAILY -> days;
                    case WEEKLY -> (days + 6) / 7;
                };
                required += need;
                done += Math.min(need, e.checkInsByArea().getOrDefault(area.areaCode(), 0L));
            }
        }
        return new Rates(ratio(connected, inScope), ratio(online, expected), ratio(good, samples), ratio(done, required));
    }

    static boolean connected(Facts.EnterpriseFact e) {
        if (!e.points().isEmpty()) {
            return e.reportedPoints().containsAll(e.points());
        }
        if (e.collectors().isEmpty()) {
            return !e.reportedPoints().isEmpty();
        }
        return e.collectors().stream().allMatch(c -> e.reportedPoints().stream().anyMatch(p -> p.startsWith(c + "-")));
    }

    /** Seconds of [start, end) after the first value and outside enterprise-wide outages. */
    static long onlineSeconds(Facts.EnterpriseFact e, Instant start, Instant end) {
        if (e.firstData() == null || !e.firstData().isBefore(end)) {
            return 0;
        }
        Instant t = e.firstData().isAfter(start) ? e.firstData() : start;
        boolean offline = false;
        long seconds = 0;
        Instant since = t;
        for (Facts.OfflineChange c : e.offline()) {
            if (!c.at().isAfter(t)) {
                offline = c.offline();
                continue;
            }
            if (!c.at().isBefore(end)) {
                break;
            }
            if (!offline && c.offline()) {
                seconds += Duration.between(since, c.at()).toSeconds();
            } else if (offline && !c.offline()) {
                since = c.at();
            }
            offline = c.offline();
        }
        if (!offline) {
            seconds += Duration.between(since, end).toSeconds();
        }
        return seconds;
    }

    /** China calendar days started in [from, end). */
    static long days(Instant from, Instant end) {
        if (!from.isBefore(end)) {
            return 0;
        }
        LocalDate first = from.atZone(Period.CHINA).toLocalDate();
        LocalDate last = end.minusNanos(1).atZone(Period.CHINA).toLocalDate();
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
