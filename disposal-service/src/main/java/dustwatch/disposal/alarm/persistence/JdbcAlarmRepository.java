package dustwatch.disposal.alarm.persistence;

import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.topic.Json;
import dustwatch.disposal.alarm.AlarmRecord;
import dustwatch.disposal.alarm.AlarmRepository;
import dustwatch.disposal.alarm.AlarmState;
import dustwatch.disposal.alarm.AlarmStep;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.feedback.Feedback;
import dustwatch.disposal.warning.WarningService;
import org.springframework.dao.OptimisticLockingFailureException;
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

/** {@link AlarmRepository} on tables {@code disposal.alarm_case} and {@code disposal.alarm_event}. */
@Repository
class JdbcAlarmRepository implements AlarmRepository {
    private static final String COLUMNS = """
            alarm_id, uscc, region_code, collector_code, point_code, rule, severity, description, started_at, state,
            sign_in_due, feedback_due, signed_in_by, signed_in_at, recovered_at, cause, measures, evidence::text AS evidence,
            feedback_by, closed_at, sign_in_overdue_at, feedback_overdue_at, version""";
    private static final RowMapper<AlarmRecord> ROW = JdbcAlarmRepository::map;

    private final JdbcClient jdbc;

    JdbcAlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertIfAbsent(AlarmRecord a) {
        return jdbc.sql("""
                        INSERT INTO disposal.alarm_case (alarm_id, uscc, region_code, collector_code, point_code, rule,
                            severity, description, started_at, state, sign_in_due, feedback_due)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alarm_id) DO NOTHING""")
                .params(a.alarmId(), a.uscc(), a.regionCode().value(), a.collectorCode(), a.pointCode(), a.rule(),
                        a.severity().name(), a.description(), utc(a.startedAt()), a.state().name(), utc(a.signInDue()),
                        utc(a.feedbackDue()))
                .update() == 1;
    }

    @Override
    public Optional<AlarmRecord> find(String alarmId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disposal.alarm_case WHERE alarm_id = ?").param(alarmId)
                .query(ROW).optional();
    }

    @Override
    public Optional<AlarmRecord> findForUpdate(String alarmId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disposal.alarm_case WHERE alarm_id = ? FOR UPDATE").param(alarmId)
                .query(ROW).optional();
    }

    @Override
    public void update(AlarmRecord a) {
        Feedback f = a.feedback();
        int n = jdbc.sql("""
                        UPDATE disposal.alarm_case SET state = ?, signed_in_by = ?, signed_in_at = ?, recovered_at = ?,
                            cause = ?, measures = ?, evidence = ?::jsonb, feedback_by = ?, closed_at = ?, version = version + 1
                        WHERE alarm_id = ? AND version = ?""")
                .params(a.state().name(), a.signedInBy(), utc(a.signedInAt()), utc(a.recoveredAt()),
                        f == null ? null : f.cause().name(), f == null ? null : f.measures(),
                        f == null ? null : Json.MAPPER.writeValueAsString(f.evidence()), f == null ? null : f.actor(),
                        f == null ? null : utc(f.at()), a.alarmId(), a.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("alarm " + a.alarmId() + " was changed meanwhile");
        }
    }

    @Override
    public void append(String alarmId, AlarmStep s) {
        jdbc.sql("""
                        INSERT INTO disposal.alarm_event (alarm_id, action, from_state, to_state, actor, note, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(alarmId, s.action(), s.from() == null ? null : s.from().name(),
                        s.to() == null ? null : s.to().name(), s.actor(), s.note(), utc(s.at()))
                .update();
    }

    @Override
    public List<AlarmStep> steps(String alarmId) {
        return jdbc.sql("SELECT action, from_state, to_state, actor, note, at FROM disposal.alarm_event "
                        + "WHERE alarm_id = ? ORDER BY seq")
                .param(alarmId)
                .query((rs, n) -> new AlarmStep(rs.getString("action"), state(rs.getString("from_state")),
                        state(rs.getString("to_state")), rs.getString("actor"), rs.getString("note"), instant(rs, "at")))
                .list();
    }

    @Override
    public boolean markOverdue(String alarmId, boolean feedback, Instant at) {
        String column = feedback ? "feedback_overdue_at" : "sign_in_overdue_at";
        return jdbc.sql("UPDATE disposal.alarm_case SET " + column + " = ? WHERE alarm_id = ? AND " + column + " IS NULL")
                .params(utc(at), alarmId).update() == 1;
    }

    @Override
    public List<String> breachCandidates(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT alarm_id FROM disposal.alarm_case
                        WHERE (sign_in_overdue_at IS NULL AND sign_in_due <= ?
                               AND NOT coalesce(least(signed_in_at, recovered_at, closed_at) <= sign_in_due, false))
                           OR (feedback_overdue_at IS NULL AND feedback_due <= ?
                               AND NOT coalesce(closed_at <= feedback_due, false))
                        ORDER BY sign_in_due LIMIT ?""")
                .params(utc(now), utc(now), limit).query(String.class).list();
    }

    @Override
    public List<AlarmRecord> list(String uscc, RegionCode region, AlarmState state, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM disposal.alarm_case WHERE ");
        List<Object> params = new ArrayList<>();
        if (uscc != null) {
            sql.append("uscc = ?");
            params.add(uscc);
        } else {
            sql.append("region_code LIKE ?");
            params.add(WarningService.regionPrefix(region) + "%");
        }
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state.name());
        }
        sql.append(" ORDER BY started_at DESC, alarm_id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    private static AlarmRecord map(ResultSet rs, int row) throws SQLException {
        String cause = rs.getString("cause");
        Feedback feedback = cause == null ? null : new Feedback(Cause.valueOf(cause), rs.getString("measures"),
                List.of(Json.MAPPER.readValue(rs.getString("evidence"), String[].class)), rs.getString("feedback_by"),
                instant(rs, "closed_at"));
        return new AlarmRecord(rs.getString("alarm_id"), rs.getString("uscc"), RegionCode.of(rs.getString("region_code")),
                rs.getString("collector_code"), rs.getString("point_code"), rs.getString("rule"),
                Severity.valueOf(rs.getString("severity")), rs.getString("description"), instant(rs, "started_at"),
                AlarmState.valueOf(rs.getString("state")), instant(rs, "sign_in_due"), instant(rs, "feedback_due"),
                rs.getString("signed_in_by"), instant(rs, "signed_in_at"), instant(rs, "recovered_at"), feedback,
                instant(rs, "sign_in_overdue_at"), instant(rs, "feedback_overdue_at"), rs.getLong("version"));
    }

    private static AlarmState state(String s) {
        return s == null ? null : AlarmState.valueOf(s);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
