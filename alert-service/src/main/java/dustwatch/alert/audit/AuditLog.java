package dustwatch.alert.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The append-only audit trail (操作留痕, table {@code alert.audit_entry}): who changed what, when. */
@Repository
public class AuditLog {
    /** One entry. */
    public record Entry(Instant at, String actor, String action, String subject, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("insert into audit_entry (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, subject, detail).update();
    }

    /** Entries whose subject starts with {@code prefix}, newest first. */
    public List<Entry> about(String prefix) {
        return jdbc.sql("select * from audit_entry where subject like ? order by id desc")
                .param(prefix.replace("%", "\\%") + "%")
                .query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail"))).list();
    }
}
