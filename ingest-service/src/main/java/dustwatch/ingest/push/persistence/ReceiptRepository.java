package dustwatch.ingest.push.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/** Table {@code ingest.receipt}: one row per accepted (enterprise USCC, msgId), the idempotency key of the push (§2.4 response); msgIds of different enterprises never collide. */
@Repository
public class ReceiptRepository {
    private final JdbcClient jdbc;

    public ReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the receipt of {@code msgId} of enterprise {@code uscc}.
     *
     * @return true when this is the first receipt, false when this enterprise's {@code msgId} was already accepted (a duplicate)
     * @throws org.springframework.dao.DataAccessException when the insert fails
     */
    public boolean record(String msgId, String uscc, String msgType, Instant receivedAt) {
        return jdbc.sql("""
                        INSERT INTO ingest.receipt (msg_id, uscc, msg_type, received_at)
                        VALUES (:msgId, :uscc, :msgType, :receivedAt)
                        ON CONFLICT (uscc, msg_id) DO NOTHING
                        """)
                .param("msgId", msgId)
                .param("uscc", uscc)
                .param("msgType", msgType)
                .param("receivedAt", Timestamp.from(receivedAt))
                .update() == 1;
    }
}
