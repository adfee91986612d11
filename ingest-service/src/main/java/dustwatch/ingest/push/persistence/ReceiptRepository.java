package dustwatch.ingest.push.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    /**
     * The lookup of {@link #received}. The USCCs are cast to {@code bpchar}, the column's type: compared as
     * {@code text}, PostgreSQL casts the column instead, cannot use the primary key and scans every receipt ever
     * written on each push (the national-scale benchmark found it: 260 ms a push after 5 minutes, and growing).
     */
    public static final String RECEIVED = """
            SELECT r.uscc, r.msg_id, coalesce(r.content_hash, '') AS hash FROM ingest.receipt r
            JOIN unnest(CAST(:usccs AS bpchar[]), CAST(:ids AS text[])) AS k(uscc, msg_id)
              ON r.uscc = k.uscc AND r.msg_id = k.msg_id
            """;

    /** The content hash of every key already received ({@code ""} for a receipt written before hashes were kept). */
    public Map<Key, String> received(Set<Key> keys) {
        Map<Key, String> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql(RECEIVED)
                .param("usccs", keys.stream().map(Key::uscc).toArray(String[]::new))
                .param("ids", keys.stream().map(Key::msgId).toArray(String[]::new))
                .query(rs -> {
                    found.put(new Key(rs.getString(1).strip(), rs.getString(2)), rs.getString(3));
                });
        return found;
    }

    /**
     * A receipt to record.
     *
     * @param msgId       the message id
     * @param uscc        the enterprise
     * @param msgType     REALTIME or HEARTBEAT
     * @param contentHash SHA-256 of the accepted message
     */
    public record NewReceipt(String msgId, String uscc, String msgType, String contentHash) {
    }

    /**
     * Records every receipt of {@code batch} in one statement (the keys must be distinct) and tells, per receipt,
     * what {@link #record} would have told: {@code NEW} for the rows this insert wrote, otherwise the receipt a
     * concurrent push wrote first is compared by content hash.
     *
     * @throws org.springframework.dao.DataAccessException when the insert fails
     */
    public List<Outcome> recordAll(List<NewReceipt> batch, Instant receivedAt) {
        if (batch.isEmpty()) {
            return List.of();
        }
        int n = batch.size();
        String[] ids = new String[n];
        String[] usccs = new String[n];
        String[] types = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            NewReceipt r = batch.get(i);
            ids[i] = r.msgId();
            usccs[i] = r.uscc();
            types[i] = r.msgType();
            hashes[i] = r.contentHash();
        }
        Set<Key> inserted = new HashSet<>();
        jdbc.sql("""
                        INSERT INTO ingest.receipt (msg_id, uscc, msg_type, received_at, content_hash)
                        SELECT k.msg_id, k.uscc, k.msg_type, :receivedAt, k.hash
                        FROM unnest(CAST(:ids AS text[]), CAST(:usccs AS text[]), CAST(:types AS text[]),
                                    CAST(:hashes AS text[])) AS k(msg_id, uscc, msg_type, hash)
                        ON CONFLICT (uscc, msg_id) DO NOTHING
                        RETURNING uscc, msg_id
                        """)
                .param("ids", ids).param("usccs", usccs).param("types", types).param("hashes", hashes)
                .param("receivedAt", Timestamp.from(receivedAt))
                .query(rs -> {
                    inserted.add(new Key(rs.getString(1).strip(), rs.getString(2)));
                });
        Set<Key> raced = new HashSet<>();
        for (NewReceipt r : batch) {
            Key k = new Key(r.uscc(), r.msgId());
            if (!inserted.contains(k)) {
                raced.add(k);
            }
        }
        Map<Key, String> earlier = received(raced);
        List<Outcome> outcomes = new ArrayList<>(n);
        for (NewReceipt r : batch) {
            Key k = new Key(r.uscc(), r.msgId());
            if (inserted.contains(k)) {
                outcomes.add(Outcome.NEW);
            } else {
                String hash = earlier.get(k);
                outcomes.add(hash == null || hash.isEmpty() || Objects.equals(hash, r.contentHash())
                        ? Outcome.SAME_CONTENT : Outcome.OTHER_CONTENT);
            }
        }
        return outcomes;
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
