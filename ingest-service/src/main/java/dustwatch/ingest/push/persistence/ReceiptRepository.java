package dustwatch.ingest.push.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Table {@code ingest.receipt}: one row per accepted (enterprise USCC, msgId), the idempotency key of the push
 * (§2.4 response), with the SHA-256 of the accepted message so that a reused msgId with other content is told
 * apart from a resend; msgIds of different enterprises never collide.
 */
@Repository
public class ReceiptRepository {
    /** What a receipt insert found. */
    public enum Outcome {
        /** First receipt of this msgId. */
        NEW,
        /** Accepted before with the same content: an acknowledged duplicate. */
        SAME_CONTENT,
        /** Accepted before with different content: a conflict. */
        OTHER_CONTENT
    }

    private final JdbcClient jdbc;

    public ReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An enterprise's msgId: the receipt key. */
    public record Key(String uscc, String msgId) {
    }

    /** The content hash of every key already received ({@code ""} for a receipt written before hashes were kept). */
    public Map<Key, String> received(Set<Key> keys) {
        Map<Key, String> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT r.uscc, r.msg_id, coalesce(r.content_hash, '') AS hash FROM ingest.receipt r
                        JOIN unnest(CAST(:usccs AS text[]), CAST(:ids AS text[])) AS k(uscc, msg_id)
                          ON r.uscc = k.uscc AND r.msg_id = k.msg_id
                        """)
                .param("usccs", keys.stream().map(Key::uscc).toArray(String[]::new))
                .param("ids", keys.stream().map(Key::msgId).toArray(String[]::new))
                .query(rs -> {
                    found.put(new Key(rs.getString(1).strip(), rs.getString(2)), rs.getString(3));
                });
        return found;
    }

    /**
     * Records the receipt of {@code msgId} of enterprise {@code uscc} whose content hashes to {@code contentHash}.
     * A receipt written before hashes were kept (null hash) counts as the same content.
     *
     * @throws org.springframework.dao.DataAccessException when the insert fails
     */
    public Outcome record(String msgId, String uscc, String msgType, String contentHash, Instant receivedAt) {
        int inserted = jdbc.sql("""
                        INSERT INTO ingest.receipt (msg_id, uscc, msg_type, received_at, content_hash)
                        VALUES (:msgId, :uscc, :msgType, :receivedAt, :hash)
                        ON CONFLICT (uscc, msg_id) DO NOTHING
                        """)
                .param("msgId", msgId)
                .param("uscc", uscc)
                .param("msgType", msgType)
                .param("receivedAt", Timestamp.from(receivedAt))
                .param("hash", contentHash)
                .update();
        if (inserted == 1) {
            return Outcome.NEW;
        }
        String earlier = jdbc.sql("SELECT content_hash FROM ingest.receipt WHERE uscc = :uscc AND msg_id = :msgId")
                .param("uscc", uscc).param("msgId", msgId)
                .query(String.class).optional().orElse(null);
        return earlier == null || Objects.equals(earlier, contentHash) ? Outcome.SAME_CONTENT : Outcome.OTHER_CONTENT;
    }
}
