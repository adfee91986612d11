package dustwatch.ingest.envelope.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Table {@code ingest.node_app}: one row per appId; key and IV sealed by the key vault, the secret only hashed. */
@Repository
public class NodeAppRepository {
    /**
     * A stored row.
     *
     * @param appId        app id
     * @param regionCode   the node's city
     * @param secretSha256 SHA-256 of the appSecret
     * @param keySealed    the SM4 key, sealed
     * @param ivSealed     the SM4 IV, sealed
     * @param updatedAt    when it was last written
     * @param updatedBy    who wrote it
     */
    public record Row(String appId, String regionCode, byte[] secretSha256, byte[] keySealed, byte[] ivSealed,
                      Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;

    public NodeAppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(Row row) {
        jdbc.sql("""
                        INSERT INTO ingest.node_app (app_id, region_code, secret_sha256, key_sealed, iv_sealed, updated_at, updated_by)
                        VALUES (:app, :region, :secret, :key, :iv, :at, :by)
                        ON CONFLICT (app_id) DO UPDATE SET region_code = EXCLUDED.region_code,
                            secret_sha256 = EXCLUDED.secret_sha256, key_sealed = EXCLUDED.key_sealed,
                            iv_sealed = EXCLUDED.iv_sealed, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                        """)
                .param("app", row.appId()).param("region", row.regionCode()).param("secret", row.secretSha256())
                .param("key", row.keySealed()).param("iv", row.ivSealed()).param("at", Timestamp.from(row.updatedAt()))
                .param("by", row.updatedBy())
                .update();
    }

    public Optional<Row> find(String appId) {
        return jdbc.sql("SELECT * FROM ingest.node_app WHERE app_id = :app").param("app", appId)
                .query((rs, n) -> new Row(rs.getString("app_id"), rs.getString("region_code"), rs.getBytes("secret_sha256"),
                        rs.getBytes("key_sealed"), rs.getBytes("iv_sealed"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")))
                .optional();
    }

    /** Every row whose region starts with {@code prefix}, by app id. */
    public List<Row> findByRegionPrefix(String prefix) {
        return jdbc.sql("SELECT * FROM ingest.node_app WHERE region_code LIKE :p ORDER BY app_id").param("p", prefix + "%")
                .query((rs, n) -> new Row(rs.getString("app_id"), rs.getString("region_code"), rs.getBytes("secret_sha256"),
                        rs.getBytes("key_sealed"), rs.getBytes("iv_sealed"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")))
                .list();
    }
}
