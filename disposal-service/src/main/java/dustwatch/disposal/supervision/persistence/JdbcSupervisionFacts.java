package dustwatch.disposal.supervision.persistence;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.risk.Colour;
import dustwatch.disposal.supervision.Facts;
import dustwatch.disposal.warning.WarningService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** {@link Facts} from {@code disposal.alarm_case}, {@code disposal.warning}, its timeline and reviews. */
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

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
