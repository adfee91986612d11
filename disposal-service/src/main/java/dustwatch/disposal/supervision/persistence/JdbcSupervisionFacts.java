package dustwatch.disposal.supervision.persistence;

import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.risk.Colour;
import dustwatch.disposal.supervision.Facts;
import dustwatch.disposal.supervision.Period;
import dustwatch.disposal.warning.WarningService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Facts} from {@code disposal.alarm_case}, {@code disposal.warning}, its timeline and reviews, and the
 * {@code disposal.feed_*} tables of other services' topics.
 */
@Repository
class JdbcSupervisionFacts implements Facts {
    private final JdbcClient jdbc;

    JdbcSupervisionFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AlarmFact> alarms(RegionCode region, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT uscc, region_code, started_at, sign_in_due, feedback_due, signed_in_at, recovered_at, closed_at
                        FROM disposal.alarm_case WHERE region_code LIKE ? AND started_at >= ? AND started_at < ?""")
                .params(WarningService.regionPrefix(region) + "%", utc(from), utc(to))
                .query((rs, n) -> new AlarmFact(rs.getString("uscc"), rs.getString("region_code"),
                        instant(rs, "started_at"), instant(rs, "sign_in_due"), instant(rs, "feedback_due"),
                        instant(rs, "signed_in_at"), instant(rs, "recovered_at"), instant(rs, "closed_at")))
                .list();
    }

    @Override
    public List<WarningFact> warnings(RegionCode region, Instant to) {
        return jdbc.sql("""
                        SELECT w.warning_id, w.uscc, w.enterprise_name, w.region_code, w.colour, w.issued_at,
                               w.sign_in_deadline, w.clear_deadline, coalesce(w.verify_deadline, w.clear_deadline) AS verify_deadline,
                               (SELECT min(at) FROM disposal.timeline_event t WHERE t.warning_id = w.warning_id AND t.action = 'SIGN_IN') AS signed_in_at,
                               (SELECT min(at) FROM disposal.timeline_event t WHERE t.warning_id = w.warning_id AND t.action = 'CLEAR') AS cleared_at,
                               (SELECT min(at) FROM disposal.timeline_event t WHERE t.warning_id = w.warning_id AND t.action = 'SUPERSEDE') AS superseded_at,
                               (SELECT min(at) FROM disposal.timeline_event t WHERE t.warning_id = w.warning_id AND t.action IN ('CLEAR', 'REJECT')) AS reviewed_at
                        FROM disposal.warning w WHERE w.region_code LIKE ? AND w.issued_at < ?""")
                .params(WarningService.regionPrefix(region) + "%", utc(to))
                .query((rs, n) -> new WarningFact(rs.getString("warning_id"), rs.getString("uscc"),
                        rs.getString("enterprise_name"), rs.getString("region_code"), Colour.valueOf(rs.getString("colour")),
                        instant(rs, "issued_at"), instant(rs, "sign_in_deadline"), instant(rs, "clear_deadline"),
                        instant(rs, "verify_deadline"), instant(rs, "signed_in_at"), instant(rs, "cleared_at"),
                        instant(rs, "superseded_at"), instant(rs, "reviewed_at")))
                .list();
    }

    @Override
    public List<EnterpriseFact> enterprises(RegionCode region, Instant from, Instant to) {
        String prefix = WarningService.regionPrefix(region) + "%";
        Map<String, Set<String>> reported = new HashMap<>();
        Map<String, Instant> firstData = new HashMap<>();
        jdbc.sql("""
                        SELECT s.uscc, s.point_code, s.first_seen FROM disposal.feed_point_seen s
                        JOIN disposal.feed_enterprise e ON e.uscc = s.uscc WHERE e.region_code LIKE ? AND s.first_seen < ?""")
                .params(prefix, utc(to)).query(rs -> {
                    String uscc = rs.getString("uscc");
                    reported.computeIfAbsent(uscc, k -> new HashSet<>()).add(rs.getString("point_code"));
                    Instant seen = instant(rs, "first_seen");
                    firstData.merge(uscc, seen, (a, b) -> a.isBefore(b) ? a : b);
                });
        Map<String, List<OfflineChange>> offline = new HashMap<>();
        jdbc.sql("""
                        SELECT o.uscc, o.offline, o.at FROM disposal.feed_offline o JOIN disposal.feed_enterprise e ON e.uscc = o.uscc
                        WHERE e.region_code LIKE ? AND o.at < ? ORDER BY o.at, o.offline""")
                .params(prefix, utc(to)).query(rs -> {
                    offline.computeIfAbsent(rs.getString("uscc"), k -> new ArrayList<>())
                            .add(new OfflineChange(instant(rs, "at"), rs.getBoolean("offline")));
                });
        Map<String, long[]> samples = new HashMap<>();
        jdbc.sql("""
                        SELECT b.uscc, sum(b.samples) AS samples, sum(b.good) AS good FROM disposal.feed_samples_day b
                        JOIN disposal.feed_enterprise e ON e.uscc = b.uscc
                        WHERE e.region_code LIKE ? AND b.day >= ? AND b.day <= ? GROUP BY b.uscc""")
                // counted by China day of receipt: the days started in [from, to)
                .params(prefix, from.atZone(Period.CHINA).toLocalDate(), to.minusNanos(1).atZone(Period.CHINA).toLocalDate())
                .query(rs -> { samples.put(rs.getString("uscc"), new long[] {rs.getLong("samples"), rs.getLong("good")}); });
        Map<String, Map<String, Long>> checkIns = new HashMap<>();
        jdbc.sql("""
                        SELECT c.uscc, c.area_code, count(*) AS n FROM disposal.feed_check_in c
                        JOIN disposal.feed_enterprise e ON e.uscc = c.uscc
                        WHERE e.region_code LIKE ? AND c.checked_in_at >= ? AND c.checked_in_at < ? GROUP BY c.uscc, c.area_code""")
                .params(prefix, utc(from), utc(to))
                .query(rs -> { checkIns.computeIfAbsent(rs.getString("uscc"), k -> new HashMap<>())
                        .put(rs.getString("area_code"), rs.getLong("n")); });
        return jdbc.sql("""
                        SELECT e.uscc, e.name, e.region_code, e.dust_type, e.dust_workers, e.collectors, e.points,
                               e.registered_at, p.areas, p.shifts
                        FROM disposal.feed_enterprise e LEFT JOIN disposal.feed_cleaning_plan p ON p.uscc = e.uscc
                        WHERE e.region_code LIKE ? AND e.registered_at < ? ORDER BY e.uscc""")
                .params(prefix, utc(to))
                .query((rs, n) -> {
                    String uscc = rs.getString("uscc");
                    long[] counted = samples.getOrDefault(uscc, new long[2]);
                    List<PlanArea> areas = split(rs.getString("areas")).stream().map(a -> {
                        int colon = a.lastIndexOf(':');
                        return new PlanArea(a.substring(0, colon), CleaningFrequency.valueOf(a.substring(colon + 1)));
                    }).toList();
                    return new EnterpriseFact(uscc, rs.getString("name"), rs.getString("region_code"),
                            DustType.valueOf(rs.getString("dust_type")), rs.getInt("dust_workers"),
                            instant(rs, "registered_at"), split(rs.getString("collectors")), split(rs.getString("points")),
                            reported.getOrDefault(uscc, Set.of()), firstData.get(uscc), offline.getOrDefault(uscc, List.of()),
                            counted[0], counted[1], areas, rs.getInt("shifts"), checkIns.getOrDefault(uscc, Map.of()));
                })
                .list();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
