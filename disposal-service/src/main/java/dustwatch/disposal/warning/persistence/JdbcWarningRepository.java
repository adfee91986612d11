package dustwatch.disposal.warning.persistence;

import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Json;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.feedback.Feedback;
import dustwatch.disposal.warning.Deadlines;
import dustwatch.disposal.warning.Review;
import dustwatch.disposal.warning.ReviewMode;
import dustwatch.disposal.warning.WarningRecord;
import dustwatch.disposal.warning.WarningRepository;
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

/** {@link WarningRepository} on table {@code disposal.warning}. */
@Repository
class JdbcWarningRepository implements WarningRepository {
    private static final String COLUMNS = """
            warning_id, uscc, enterprise_name, region_code, colour, reason, hard_trigger, issued_at, supersedes,
            risk_config_version, state, verifying_tier, sign_in_deadline, feedback_deadline, clear_deadline,
            limits_config_version, version, signed_in_by, verify_deadline""";
    private static final RowMapper<WarningRecord> ROW = JdbcWarningRepository::map;

    private final JdbcClient jdbc;

    JdbcWarningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertIfAbsent(WarningRecord w) {
        Deadlines d = w.deadlines();
        return jdbc.sql("INSERT INTO disposal.warning (" + COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (warning_id) DO NOTHING")
                .params(w.warningId(), w.uscc(), w.enterpriseName(), w.regionCode().value(), w.colour().name(),
                        w.reason(), w.hardTrigger(), utc(w.issuedAt()), w.supersedes(), w.riskConfigVersion(),
                        w.state().name(), w.verifyingTier().name(), utc(d.signIn()), utc(d.feedback()), utc(d.clear()),
                        d.configVersion(), w.version(), w.signedInBy(), utc(d.verify()))
                .update() == 1;
    }

    @Override
    public Optional<WarningRecord> find(String warningId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disposal.warning WHERE warning_id = ?")
                .param(warningId).query(ROW).optional();
    }

    @Override
    public Optional<WarningRecord> findForUpdate(String warningId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM disposal.warning WHERE warning_id = ? FOR UPDATE")
                .param(warningId).query(ROW).optional();
    }

    @Override
    public void updateState(WarningRecord w) {
        int updated = jdbc.sql("""
                        UPDATE disposal.warning SET state = ?, signed_in_by = ?, version = version + 1, updated_at = now()
                        WHERE warning_id = ? AND version = ?""")
                .params(w.state().name(), w.signedInBy(), w.warningId(), w.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("warning " + w.warningId() + " was changed meanwhile (version "
                    + w.version() + ")");
        }
    }

    @Override
    public List<WarningRecord> list(Query q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM disposal.warning WHERE ");
        List<Object> params = new ArrayList<>();
        if (q.uscc() != null) {
            sql.append("uscc = ?");
            params.add(q.uscc());
        } else {
            sql.append("region_code LIKE ?");
            params.add(q.regionPrefix().replace("%", "") + "%");
        }
        if (q.state() != null) {
            sql.append(" AND state = ?");
            params.add(q.state().name());
        }
        if (q.colour() != null) {
            sql.append(" AND colour = ?");
            params.add(q.colour().name());
        }
        sql.append(" ORDER BY issued_at DESC, warning_id LIMIT ?");
        params.add(q.limit());
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    @Override
    public void addFeedback(String warningId, Feedback f) {
        jdbc.sql("""
                        INSERT INTO disposal.warning_feedback (warning_id, cause, measures, evidence, actor, at)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?)""")
                .params(warningId, f.cause().name(), f.measures(), Json.MAPPER.writeValueAsString(f.evidence()),
                        f.actor(), utc(f.at()))
                .update();
    }

    @Override
    public List<Feedback> feedbackOf(String warningId) {
        return jdbc.sql("""
                        SELECT cause, measures, evidence::text AS evidence, actor, at FROM disposal.warning_feedback
                        WHERE warning_id = ? ORDER BY id""")
                .param(warningId)
                .query((rs, n) -> new Feedback(Cause.valueOf(rs.getString("cause")), rs.getString("measures"),
                        List.of(Json.MAPPER.readValue(rs.getString("evidence"), String[].class)), rs.getString("actor"),
                        instant(rs, "at")))
                .list();
    }

    @Override
    public void addReview(String warningId, Review r) {
        jdbc.sql("""
                        INSERT INTO disposal.warning_review (warning_id, mode, accepted, remark, actor, actor_tier, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(warningId, r.mode().name(), r.accepted(), r.remark(), r.actor(), r.actorTier(), utc(r.at()))
                .update();
    }

    @Override
    public List<Review> reviewsOf(String warningId) {
        return jdbc.sql("""
                        SELECT mode, accepted, remark, actor, actor_tier, at FROM disposal.warning_review
                        WHERE warning_id = ? ORDER BY id""")
                .param(warningId)
                .query((rs, n) -> new Review(ReviewMode.valueOf(rs.getString("mode")), rs.getBoolean("accepted"),
                        rs.getString("remark"), rs.getString("actor"), rs.getString("actor_tier"), instant(rs, "at")))
                .list();
    }

    private static WarningRecord map(ResultSet rs, int row) throws SQLException {
        return new WarningRecord(rs.getString("warning_id"), rs.getString("uscc"), rs.getString("enterprise_name"),
                RegionCode.of(rs.getString("region_code")), Colour.valueOf(rs.getString("colour")),
                rs.getString("reason"), rs.getString("hard_trigger"), instant(rs, "issued_at"),
                rs.getString("supersedes"), rs.getString("risk_config_version"),
                WarningState.valueOf(rs.getString("state")), Tier.valueOf(rs.getString("verifying_tier")),
                new Deadlines(instant(rs, "sign_in_deadline"), instant(rs, "feedback_deadline"),
                        instant(rs, "clear_deadline"), rs.getString("limits_config_version"),
                        instant(rs, "verify_deadline")),
                rs.getLong("version"), rs.getString("signed_in_by"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
