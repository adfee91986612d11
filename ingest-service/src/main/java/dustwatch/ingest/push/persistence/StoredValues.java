package dustwatch.ingest.push.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is already stored for a point and second, so that a push sending another value (or the same value with
 * another quality) is told {@code READING_CONFLICT} instead of being silently dropped by the readings store's
 * first-writer-wins key. An accepted push stores its readings in its own transaction ({@code ingest.reading}), so
 * the store is the whole truth; pushes of one enterprise are serialised by a transaction-scoped advisory lock, so
 * two concurrent pushes cannot both store the same point and second unseen.
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

    public StoredValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** The stored value of each of {@code keys} that is stored. */
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
        jdbc.sql("""
                        SELECT r.point_code, r.collect_time, r.value, r.quality
                        FROM ingest.reading r
                        JOIN unnest(CAST(:points AS text[]), CAST(:millis AS bigint[])) AS k(point_code, millis)
                          ON r.point_code = k.point_code AND r.collect_time = to_timestamp(k.millis / 1000.0)
                        """)
                .param("points", points)
                .param("millis", millis)
                .query(rs -> {
                    found.put(new Key(rs.getString(1), rs.getTimestamp(2).toInstant()),
                            new Known(rs.getDouble(3), rs.getInt(4)));
                });
        return found;
    }
}
