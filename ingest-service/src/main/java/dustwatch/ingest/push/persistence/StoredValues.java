package dustwatch.ingest.push.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values already in the readings store ({@code ingest.reading}) for given points and seconds, so that a push
 * sending another value for one of them is told, not silently dropped by the store's first-writer-wins key.
 */
@Repository
public class StoredValues {
    /** A point and the second it was sampled at: the key of the readings store. */
    public record Key(String pointCode, Instant collectTime) {
    }

    private final JdbcClient jdbc;

    public StoredValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored value of each of {@code keys} that is stored; absent keys are not in the map. */
    public Map<Key, Double> values(Set<Key> keys) {
        String[] points = new String[keys.size()];
        long[] millis = new long[keys.size()];
        int i = 0;
        for (Key k : keys) {
            points[i] = k.pointCode();
            millis[i++] = k.collectTime().toEpochMilli();
        }
        Map<Key, Double> found = new HashMap<>();
        jdbc.sql("""
                        SELECT r.point_code, r.collect_time, r.value
                        FROM ingest.reading r
                        JOIN unnest(CAST(:points AS text[]), CAST(:millis AS bigint[])) AS k(point_code, millis)
                          ON r.point_code = k.point_code AND r.collect_time = to_timestamp(k.millis / 1000.0)
                        """)
                .param("points", points)
                .param("millis", millis)
                .query(rs -> {
                    found.put(new Key(rs.getString(1), rs.getTimestamp(2).toInstant()), rs.getDouble(3));
                });
        return found;
    }
}
