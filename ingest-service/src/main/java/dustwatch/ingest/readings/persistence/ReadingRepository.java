package dustwatch.ingest.readings.persistence;

import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.ingest.readings.StoredReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        return storeAll(List.of(batch), receivedAt);
    }

    /**
     * Stores every reading of {@code batches} in ONE statement (atomic: all rows or none); a reading already stored,
     * or repeated among the batches (same point and time), is left alone: the first writer wins.
     *
     * @return how many rows were new
     */
    public int storeAll(List<ReadingBatch> batches, Instant receivedAt) {
        int n = 0;
        for (ReadingBatch b : batches) {
            n += b.readings().size();
        }
        if (n == 0) {
            return 0;
        }
        String[] points = new String[n];
        long[] millis = new long[n];
        String[] usccs = new String[n];
        String[] params = new String[n];
        double[] values = new double[n];
        int[] qualities = new int[n];
        String[] events = new String[n];
        double[] originalValues = new double[n];
        String[] originalUnits = new String[n];
        int i = 0;
        for (ReadingBatch batch : batches) {
            for (Reading r : batch.readings()) {
                points[i] = r.pointCode();
                millis[i] = (r.collectTime() != null ? r.collectTime() : batch.collectTime()).toEpochMilli();
                usccs[i] = batch.uscc();
                params[i] = r.param().name();
                values[i] = r.value();
                qualities[i] = r.quality();
                events[i] = batch.eventId();
                originalValues[i] = r.originalValue();
                originalUnits[i++] = r.originalUnit();
            }
        }
        return jdbc.sql("""
                        INSERT INTO ingest.reading (point_code, collect_time, uscc, param_code, value, quality,
                            event_id, received_at, original_value, original_unit)
                        SELECT k.point, to_timestamp(k.millis / 1000.0), k.uscc, k.param, k.value, k.quality, k.event, :received, k.ov, k.ou
                        FROM unnest(CAST(:points AS text[]), CAST(:millis AS bigint[]), CAST(:usccs AS text[]),
                                    CAST(:params AS text[]), CAST(:values AS float8[]), CAST(:qualities AS int[]),
                                    CAST(:events AS text[]), CAST(:ovs AS float8[]), CAST(:ous AS text[]))
                             AS k(point, millis, uscc, param, value, quality, event, ov, ou)
                        ON CONFLICT (point_code, collect_time) DO NOTHING
                        """)
                .param("points", points).param("millis", millis).param("usccs", usccs).param("params", params)
                .param("values", values).param("qualities", qualities).param("events", events)
                .param("ovs", originalValues).param("ous", originalUnits)
                .param("received", Timestamp.from(receivedAt))
                .update();
    }

    /** The probe of {@link #storedWhole}: one primary-key lookup per batch (a test checks the plan). */
    public static final String STORED_WHOLE = """
            SELECT k.pos FROM unnest(CAST(:positions AS int[]), CAST(:points AS text[]),
                                     CAST(:millis AS bigint[]), CAST(:events AS text[])) AS k(pos, point, millis, event)
            WHERE EXISTS (SELECT 1 FROM ingest.reading r WHERE r.point_code = k.point
                            AND r.collect_time = to_timestamp(k.millis / 1000.0) AND r.event_id = k.event)
            """;

    /**
     * The positions in {@code batches} of those already in the store as a whole: the row of the batch's first
     * reading is there under the batch's own event id. That row proves the rest, because every writer stores all
     * readings of a batch in one statement ({@link #storeAll}: a reading of the batch is then either stored by that
     * statement or was stored before it). One primary-key probe per batch instead of one insert attempt per
     * reading: the readings sink's second pass over what the pushes stored themselves.
     */
    public Set<Integer> storedWhole(List<ReadingBatch> batches) {
        List<Integer> positions = new ArrayList<>(batches.size());
        List<String> points = new ArrayList<>(batches.size());
        List<Long> millis = new ArrayList<>(batches.size());
        List<String> events = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            ReadingBatch batch = batches.get(i);
            if (batch.readings().isEmpty()) {
                continue;
            }
            Reading first = batch.readings().getFirst();
            positions.add(i);
            points.add(first.pointCode());
            millis.add((first.collectTime() != null ? first.collectTime() : batch.collectTime()).toEpochMilli());
            events.add(batch.eventId());
        }
        Set<Integer> whole = new HashSet<>();
        if (positions.isEmpty()) {
            return whole;
        }
        jdbc.sql(STORED_WHOLE)
                .param("positions", positions.stream().mapToInt(Integer::intValue).toArray())
                .param("points", points.toArray(String[]::new))
                .param("millis", millis.stream().mapToLong(Long::longValue).toArray())
                .param("events", events.toArray(String[]::new))
                .query((rs, row) -> rs.getInt(1))
                .list()
                .forEach(whole::add);
        return whole;
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
