package dustwatch.ingest.push.persistence;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is already known for a point and second, so that a push sending another value (or the same value with
 * another quality) is told {@code READING_CONFLICT} instead of being silently dropped by the readings store's
 * first-writer-wins key. Two sources: the store itself ({@code ingest.reading}, written by the sink a moment
 * after the push) and the claims ({@code ingest.reading_claim}) that every accepted push writes in its own
 * transaction, which cover the values still on their way to the store. Pushes of one enterprise are serialised
 * by a transaction-scoped advisory lock, so two concurrent pushes cannot both claim the same point and second.
 * A claim is deleted once the store holds its reading and it is older than the retention.
 */
@Repository
public class StoredValues {
    /** A point and the second it was sampled at: the key of the readings store. */
    public record Key(String pointCode, Instant collectTime) {
    }

    /**
     * A value with its quality code.
     *
     * @param value   in the catalogue unit
     * @param quality §2.5 quality code
     */
    public record Known(double value, int quality) {
    }

    private final JdbcClient jdbc;
    private final Duration retention;

    public StoredValues(JdbcClient jdbc, @Value("${dustwatch.ingest.reading-claim-retention:10m}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** Waits for (and holds until the transaction ends) the push lock of each enterprise, in a fixed order. */
    public void lock(Collection<String> usccs) {
        if (usccs.isEmpty()) {
            return;
        }
        // one round trip: the locks are taken row by row in the sorted order of the subquery
        jdbc.sql("""
                        SELECT count(pg_advisory_xact_lock(hashtext(s.u)))
                        FROM (SELECT u FROM unnest(CAST(:usccs AS text[])) AS k(u) ORDER BY u) s
                        """)
                .param("usccs", new TreeSet<>(usccs).toArray(String[]::new)).query().singleRow();
    }

    /** The known value of each of {@code keys} that is known (claims first, then the store). */
    public Map<Key, Known> values(Set<Key> keys) {
        Map<Key, Known> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] points = new String[keys.size()];
        long[] millis = new long[keys.size()];
        int i = 0;
        for (Key k : keys) {
            points[i] = k.pointCode();
            millis[i++] = k.collectTime().toEpochMilli();
        }
        for (String table : List.of("ingest.reading", "ingest.reading_claim")) {
            jdbc.sql("""
                            SELECT r.point_code, r.collect_time, r.value, r.quality
                            FROM %s r
                            JOIN unnest(CAST(:points AS text[]), CAST(:millis AS bigint[])) AS k(point_code, millis)
                              ON r.point_code = k.point_code AND r.collect_time = to_timestamp(k.millis / 1000.0)
                            """.formatted(table))
                    .param("points", points)
                    .param("millis", millis)
                    .query(rs -> {
                        found.put(new Key(rs.getString(1), rs.getTimestamp(2).toInstant()),
                                new Known(rs.getDouble(3), rs.getInt(4)));
                    });
        }
        return found;
    }

    /** Claims the values of an accepted push, inside its transaction. */
    public void claim(Map<Key, Known> values, Instant now) {
        if (values.isEmpty()) {
            return;
        }
        int n = values.size();
        String[] points = new String[n];
        long[] millis = new long[n];
        double[] v = new double[n];
        int[] q = new int[n];
        int i = 0;
        for (Map.Entry<Key, Known> e : values.entrySet()) {
            points[i] = e.getKey().pointCode();
            millis[i] = e.getKey().collectTime().toEpochMilli();
            v[i] = e.getValue().value();
            q[i++] = e.getValue().quality();
        }
        jdbc.sql("""
                        INSERT INTO ingest.reading_claim (point_code, collect_time, value, quality, claimed_at)
                        SELECT k.point_code, to_timestamp(k.millis / 1000.0), k.value, k.quality, :now
                        FROM unnest(CAST(:points AS text[]), CAST(:millis AS bigint[]), CAST(:values AS float8[]),
                                    CAST(:qualities AS int[])) AS k(point_code, millis, value, quality)
                        ON CONFLICT (point_code, collect_time) DO NOTHING
                        """)
                .param("points", points).param("millis", millis).param("values", v).param("qualities", q)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Every minute: forgets the claims the store has taken over. */
    @Scheduled(fixedDelayString = "${dustwatch.ingest.reading-claim-prune-interval:1m}")
    public void prune() {
        jdbc.sql("""
                        DELETE FROM ingest.reading_claim c
                        WHERE c.claimed_at < now() - make_interval(secs => :seconds)
                          AND EXISTS (SELECT 1 FROM ingest.reading r
                                      WHERE r.point_code = c.point_code AND r.collect_time = c.collect_time)
                        """)
                .param("seconds", (double) retention.toSeconds())
                .update();
    }
}
