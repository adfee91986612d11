package dustwatch.alert.routing;

import dustwatch.contracts.warning.Warning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The warnings read from {@code dust.warning} (table {@code alert.known_warning}), for preview, reminders and scope. */
@Repository
public class KnownWarnings {
    private final JdbcClient jdbc;

    public KnownWarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps a warning and marks the one it supersedes.
     *
     * @return false when it was known already (a redelivery)
     */
    public boolean remember(Warning warning, Instant now) {
        int added = jdbc.sql("""
                        insert into known_warning (warning_id, uscc, enterprise_name, region_code, colour, issued_at,
                                                   supersedes, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (warning_id) do nothing""")
                .params(warning.warningId(), warning.uscc(), warning.enterpriseName(), warning.regionCode(),
                        warning.colour().name(), Timestamp.from(warning.issuedAt()), warning.supersedes(),
                        Timestamp.from(now))
                .update();
        if (warning.supersedes() != null) {
            superseded(warning.supersedes(), warning.warningId());
        }
        return added == 1;
    }

    public Optional<KnownWarning> find(String warningId) {
        return jdbc.sql("select * from known_warning where warning_id = ?").param(warningId)
                .query(KnownWarnings::warning).optional();
    }

    /** Warnings neither signed in, cleared nor superseded. */
    public List<KnownWarning> awaitingSignIn() {
        return jdbc.sql("""
                select * from known_warning
                where signed_in_at is null and cleared_at is null and superseded_by is null""")
                .query(KnownWarnings::warning).list();
    }

    public void signedIn(String warningId, Instant at) {
        jdbc.sql("update known_warning set signed_in_at = coalesce(signed_in_at, ?) where warning_id = ?")
                .params(Timestamp.from(at), warningId).update();
    }

    public void cleared(String warningId, Instant at) {
        jdbc.sql("update known_warning set cleared_at = coalesce(cleared_at, ?) where warning_id = ?")
                .params(Timestamp.from(at), warningId).update();
    }

    public void superseded(String warningId, String by) {
        jdbc.sql("update known_warning set superseded_by = coalesce(superseded_by, ?) where warning_id = ?")
                .params(by, warningId).update();
    }

    private static KnownWarning warning(ResultSet rs, int row) throws SQLException {
        return new KnownWarning(rs.getString("warning_id"), rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("colour"), instant(rs, "issued_at"),
                rs.getString("supersedes"), rs.getString("superseded_by"), instant(rs, "signed_in_at"),
                instant(rs, "cleared_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
