package dustwatch.ingest.filing.persistence;

import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.ingest.filing.StoredFiling;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code ingest.filing}: one row per filing with its stored state (never EXPIRED). */
@Repository
public class FilingRepository {
    private final JdbcClient jdbc;

    public FilingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new filing. */
    public void insert(StoredFiling f) {
        jdbc.sql("""
                        INSERT INTO ingest.filing (filing_id, uscc, region_code, kind, collector_code, start_at, planned_end,
                            reason, status, source, msg_id, filed_by, filed_at, decided_by, decided_tier, decided_at, remark,
                            closed_at, updated_at)
                        VALUES (:id, :uscc, :region, :kind, :collector, :start, :end, :reason, :status, :source, :msgId,
                            :filedBy, :filedAt, :decidedBy, :decidedTier, :decidedAt, :remark, :closedAt, :updatedAt)
                        """)
                .param("id", UUID.fromString(f.filingId()))
                .param("uscc", f.uscc())
                .param("region", f.regionCode())
                .param("kind", f.kind().name())
                .param("collector", f.collectorCode())
                .param("start", ts(f.start()))
                .param("end", ts(f.plannedEnd()))
                .param("reason", f.reason())
                .param("status", f.status().name())
                .param("source", f.source())
                .param("msgId", f.msgId())
                .param("filedBy", f.filedBy())
                .param("filedAt", ts(f.filedAt()))
                .param("decidedBy", f.decidedBy())
                .param("decidedTier", f.decidedTier())
                .param("decidedAt", ts(f.decidedAt()))
                .param("remark", f.remark())
                .param("closedAt", ts(f.closedAt()))
                .param("updatedAt", ts(f.updatedAt()))
                .update();
    }

    /** Writes the state and decision columns of {@code f}. */
    public void updateState(StoredFiling f) {
        jdbc.sql("""
                        UPDATE ingest.filing SET status = :status, decided_by = :decidedBy, decided_tier = :decidedTier,
                            decided_at = :decidedAt, remark = :remark, closed_at = :closedAt, updated_at = :updatedAt
                        WHERE filing_id = :id
                        """)
                .param("id", UUID.fromString(f.filingId()))
                .param("status", f.status().name())
                .param("decidedBy", f.decidedBy())
                .param("decidedTier", f.decidedTier())
                .param("decidedAt", ts(f.decidedAt()))
                .param("remark", f.remark())
                .param("closedAt", ts(f.closedAt()))
                .param("updatedAt", ts(f.updatedAt()))
                .update();
    }

    /** The filing {@code id}, locked until the transaction ends when {@code lock}. */
    public Optional<StoredFiling> find(String id, boolean lock) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM ingest.filing WHERE filing_id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", uuid).query(FilingRepository::map).optional();
    }

    /** The node filing with message id {@code msgId} of {@code uscc}, if any. */
    public Optional<StoredFiling> findByMsgId(String uscc, String msgId) {
        return jdbc.sql("SELECT * FROM ingest.filing WHERE uscc = :uscc AND msg_id = :msgId")
                .param("uscc", uscc).param("msgId", msgId).query(FilingRepository::map).optional();
    }

    /**
     * Filings of enterprises whose region starts with {@code regionPrefix} (and of {@code uscc} when not null),
     * newest first, at most {@code limit}.
     */
    public List<StoredFiling> list(String regionPrefix, String uscc, int limit) {
        return jdbc.sql("""
                        SELECT * FROM ingest.filing WHERE region_code LIKE :prefix AND (CAST(:uscc AS TEXT) IS NULL OR uscc = :uscc)
                        ORDER BY filed_at DESC LIMIT :limit
                        """)
                .param("prefix", regionPrefix + "%")
                .param("uscc", uscc)
                .param("limit", limit)
                .query(FilingRepository::map).list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static StoredFiling map(ResultSet rs, int row) throws SQLException {
        return new StoredFiling(rs.getString("filing_id"), rs.getString("uscc").trim(), rs.getString("region_code"),
                FilingKind.valueOf(rs.getString("kind")), rs.getString("collector_code"), instant(rs, "start_at"),
                instant(rs, "planned_end"), rs.getString("reason"), FilingStatus.valueOf(rs.getString("status")),
                rs.getString("source"), rs.getString("msg_id"), rs.getString("filed_by"), instant(rs, "filed_at"),
                rs.getString("decided_by"), rs.getString("decided_tier"), instant(rs, "decided_at"),
                rs.getString("remark"), instant(rs, "closed_at"), instant(rs, "updated_at"));
    }
}
