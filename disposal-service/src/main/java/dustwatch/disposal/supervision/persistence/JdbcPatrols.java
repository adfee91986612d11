package dustwatch.disposal.supervision.persistence;

import dustwatch.contracts.region.RegionCode;
import dustwatch.disposal.supervision.PatrolResult;
import dustwatch.disposal.supervision.Patrols;
import dustwatch.disposal.warning.WarningService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** {@link Patrols} on table {@code disposal.patrol_item}. */
@Repository
class JdbcPatrols implements Patrols {
    private final JdbcClient jdbc;

    JdbcPatrols(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> enterprisesUnder(RegionCode region) {
        String prefix = WarningService.regionPrefix(region) + "%";
        return jdbc.sql("""
                        SELECT uscc FROM disposal.warning WHERE region_code LIKE ?
                        UNION SELECT uscc FROM disposal.alarm_case WHERE region_code LIKE ? ORDER BY 1""")
                .params(prefix, prefix).query(String.class).list();
    }

    @Override
    public void draw(String patrolId, RegionCode region, List<String> usccs, String drawnBy, Instant at) {
        for (String uscc : usccs) {
            jdbc.sql("""
                            INSERT INTO disposal.patrol_item (patrol_id, region_code, uscc, drawn_by, drawn_at)
                            SELECT ?, coalesce((SELECT region_code FROM disposal.warning WHERE uscc = ? LIMIT 1),
                                               (SELECT region_code FROM disposal.alarm_case WHERE uscc = ? LIMIT 1)), ?, ?, ?""")
                    .params(patrolId, uscc, uscc, uscc, drawnBy, utc(at)).update();
        }
    }

    @Override
    public List<PatrolItem> items(String patrolId, RegionCode scope) {
        return jdbc.sql("""
                        SELECT patrol_id, region_code, uscc, drawn_by, drawn_at, result, remark, checked_by, checked_at
                        FROM disposal.patrol_item WHERE patrol_id = ? AND region_code LIKE ? ORDER BY uscc""")
                .params(patrolId, WarningService.regionPrefix(scope) + "%")
                .query((rs, n) -> new PatrolItem(rs.getString("patrol_id"), rs.getString("region_code"),
                        rs.getString("uscc"), rs.getString("drawn_by"), instant(rs, "drawn_at"),
                        rs.getString("result") == null ? null : PatrolResult.valueOf(rs.getString("result")),
                        rs.getString("remark"), rs.getString("checked_by"), instant(rs, "checked_at")))
                .list();
    }

    @Override
    public boolean record(String patrolId, String uscc, RegionCode scope, PatrolResult result, String remark, String by,
                          Instant at) {
        return jdbc.sql("""
                        UPDATE disposal.patrol_item SET result = ?, remark = ?, checked_by = ?, checked_at = ?
                        WHERE patrol_id = ? AND uscc = ? AND region_code LIKE ?""")
                .params(result.name(), remark, by, utc(at), patrolId, uscc, WarningService.regionPrefix(scope) + "%")
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
