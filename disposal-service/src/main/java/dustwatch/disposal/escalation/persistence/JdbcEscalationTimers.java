package dustwatch.disposal.escalation.persistence;

import dustwatch.contracts.region.RegionCode;
import dustwatch.disposal.escalation.EscalationRule;
import dustwatch.disposal.escalation.EscalationTimer;
import dustwatch.disposal.escalation.EscalationTimers;
import dustwatch.disposal.warning.WarningService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link EscalationTimers} on table {@code disposal.escalation_timer}. */
@Repository
class JdbcEscalationTimers implements EscalationTimers {
    private static final String COLUMNS = "warning_id, rule, check_at, due_at, state, decided_at, event_id";
    private static final RowMapper<EscalationTimer> ROW = JdbcEscalationTimers::map;

    private final JdbcClient jdbc;

    JdbcEscalationTimers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void arm(List<EscalationTimer> timers) {
        for (EscalationTimer t : timers) {
            jdbc.sql("INSERT INTO disposal.escalation_timer (warning_id, rule, check_at, due_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (warning_id, rule) DO NOTHING")
                    .params(t.warningId(), t.rule().name(), utc(t.checkAt()), utc(t.dueAt()))
                    .update();
        }
    }

    @Override
    public List<EscalationTimer> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disposal.escalation_timer WHERE state = 'PENDING' AND due_at <= ? "
                        + "ORDER BY due_at, warning_id, rule LIMIT ?")
                .params(utc(now), limit).query(ROW).list();
    }

    @Override
    public Optional<EscalationTimer> lock(String warningId, EscalationRule rule) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disposal.escalation_timer WHERE warning_id = ? AND rule = ? FOR UPDATE")
                .params(warningId, rule.name()).query(ROW).optional();
    }

    @Override
    public boolean decide(String warningId, EscalationRule rule, EscalationTimer.State outcome, Instant at,
                          String eventId) {
        return jdbc.sql("UPDATE disposal.escalation_timer SET state = ?, decided_at = ?, event_id = ? "
                        + "WHERE warning_id = ? AND rule = ? AND state = 'PENDING'")
                .params(outcome.name(), utc(at), eventId, warningId, rule.name())
                .update() == 1;
    }

    @Override
    public List<EscalationTimer> of(String warningId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disposal.escalation_timer WHERE warning_id = ? ORDER BY due_at, rule")
                .param(warningId).query(ROW).list();
    }

    @Override
    public List<FiredStep> fired(RegionCode region, String action, Instant from, Instant until, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT t.warning_id, w.uscc, w.enterprise_name, w.region_code, w.colour, t.rule, t.check_at,
                       t.decided_at, t.event_id
                FROM disposal.escalation_timer t JOIN disposal.warning w USING (warning_id)
                WHERE t.state = 'FIRED' AND w.region_code LIKE ?""");
        List<Object> params = new ArrayList<>();
        params.add(WarningService.regionPrefix(region) + "%");
        if (action != null) {
            List<String> rules = java.util.Arrays.stream(EscalationRule.values())
                    .filter(r -> r.action().equals(action)).map(Enum::name).toList();
            sql.append(" AND t.rule = ANY(?)");
            params.add(rules.toArray(String[]::new));
        }
        if (from != null) {
            sql.append(" AND t.decided_at >= ?");
            params.add(utc(from));
        }
        if (until != null) {
            sql.append(" AND t.decided_at < ?");
            params.add(utc(until));
        }
        sql.append(" ORDER BY t.decided_at DESC, t.warning_id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            EscalationRule rule = EscalationRule.valueOf(rs.getString("rule"));
            return new FiredStep(rs.getString("warning_id"), rs.getString("uscc"), rs.getString("enterprise_name"),
                    rs.getString("region_code"), rs.getString("colour"), rule, rule.action(), instant(rs, "check_at"),
                    instant(rs, "decided_at"), rs.getString("event_id"));
        }).list();
    }

    private static EscalationTimer map(ResultSet rs, int row) throws SQLException {
        return new EscalationTimer(rs.getString("warning_id"), EscalationRule.valueOf(rs.getString("rule")),
                instant(rs, "check_at"), instant(rs, "due_at"), EscalationTimer.State.valueOf(rs.getString("state")),
                instant(rs, "decided_at"), rs.getString("event_id"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
