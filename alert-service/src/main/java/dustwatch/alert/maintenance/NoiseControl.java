package dustwatch.alert.maintenance;

import dustwatch.alert.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Noise control (降噪): maintenance windows (table {@code alert.maintenance_window}) and offline holds
 * ({@code alert.offline_hold}, from {@code dust.offline}). A message held by either is recorded, not sent.
 */
@Service
public class NoiseControl {
    /** Why a message is held. */
    public enum Hold {
        MAINTENANCE, OFFLINE
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public NoiseControl(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records an approved window.
     *
     * @throws IllegalArgumentException when it ends before it starts
     */
    @Transactional
    public MaintenanceWindow approve(String uscc, String regionCode, Instant startsAt, Instant endsAt, String reason,
                                     String approvedBy) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a maintenance window ends after it starts");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into maintenance_window (uscc, region_code, starts_at, ends_at, reason, approved_by, approved_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(uscc, regionCode, Timestamp.from(startsAt), Timestamp.from(endsAt), reason, approvedBy,
                        Timestamp.from(now)).query(Long.class).single();
        audit.record(approvedBy, "MAINTENANCE_APPROVED", "maintenance/" + uscc,
                "#" + id + " " + startsAt + " – " + endsAt + ": " + reason);
        return new MaintenanceWindow(id, uscc, regionCode, startsAt, endsAt, reason, approvedBy, now);
    }

    /** Every window, newest first. */
    public List<MaintenanceWindow> windows() {
        return jdbc.sql("select * from maintenance_window order by starts_at desc").query(NoiseControl::window).list();
    }

    /** Why a message about the enterprise is held at {@code at}, if it is. */
    public Optional<Hold> holds(String uscc, Instant at) {
        boolean maintenance = jdbc.sql("""
                        select count(*) from maintenance_window where uscc = ? and starts_at <= ? and ends_at > ?""")
                .params(uscc, Timestamp.from(at), Timestamp.from(at)).query(Integer.class).single() > 0;
        if (maintenance) {
            return Optional.of(Hold.MAINTENANCE);
        }
        boolean offline = jdbc.sql("select count(*) from offline_hold where uscc = ?").param(uscc)
                .query(Integer.class).single() > 0;
        return offline ? Optional.of(Hold.OFFLINE) : Optional.empty();
    }

    /** The enterprise went offline (all its gateways): its sensor warnings are held until it is back. */
    public void offline(String uscc, Instant since) {
        jdbc.sql("insert into offline_hold (uscc, since) values (?, ?) on conflict (uscc) do nothing")
                .params(uscc, Timestamp.from(since)).update();
    }

    public void online(String uscc) {
        jdbc.sql("delete from offline_hold where uscc = ?").param(uscc).update();
    }

    private static MaintenanceWindow window(ResultSet rs, int row) throws SQLException {
        return new MaintenanceWindow(rs.getLong("id"), rs.getString("uscc"), rs.getString("region_code"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("reason"),
                rs.getString("approved_by"), rs.getTimestamp("approved_at").toInstant());
    }
}
