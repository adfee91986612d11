package dustwatch.ingest.readings.persistence;

import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.ingest.readings.StoredReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Table {@code ingest.reading}, keyed by (point_code, collect_time); writes are idempotent. */
@Repository
public class ReadingRepository {
    private final JdbcClient jdbc;

    public ReadingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores every reading of {@code batch}; a reading already stored (same point and time) is left alone.
     *
     * @return how many rows were new
     */
    public int store(ReadingBatch batch, Instant receivedAt) {
        int inserted = 0;
        for (Reading r : batch.readings()) {
            inserted += jdbc.sql("""
                            INSERT INTO ingest.reading (point_code, collect_time, uscc, param_code, value, quality,
                                event_id, received_at, original_value, original_unit)
                            VALUES (:point, :time, :uscc, :param, :value, :quality, :event, :received, :originalValue,
                                :originalUnit)
                            ON CONFLICT (point_code, collect_time) DO NOTHING
                            """)
                    .param("point", r.pointCode())
                    .param("time", Timestamp.from(r.collectTime() != null ? r.collectTime() : batch.collectTime()))
                    .param("uscc", batch.uscc())
                    .param("param", r.param().name())
                    .param("value", r.value())
                    .param("quality", r.quality())
                    .param("event", batch.eventId())
                    .param("received", Timestamp.from(receivedAt))
                    .param("originalValue", r.originalValue())
                    .param("originalUnit", r.originalUnit())
                    .update();
        }
        return inserted;
    }

    /** The latest {@code limit} readings of {@code uscc}, newest first. */
    public List<StoredReading> latest(String uscc, int limit) {
        return jdbc.sql("""
                        SELECT * FROM ingest.reading WHERE uscc = :uscc
                        ORDER BY collect_time DESC, point_code LIMIT :limit
                        """)
                .param("uscc", uscc)
                .param("limit", limit)
                .query((rs, row) -> {
                    String param = rs.getString("param_code");
                    return new StoredReading(rs.getString("point_code"), rs.getTimestamp("collect_time").toInstant(),
                            rs.getString("uscc"), param, rs.getDouble("value"), ParameterCode.valueOf(param).unit(),
                            rs.getInt("quality"), rs.getString("event_id"), rs.getTimestamp("received_at").toInstant(),
                            rs.getObject("original_value", Double.class), rs.getString("original_unit"));
                })
                .list();
    }
}
