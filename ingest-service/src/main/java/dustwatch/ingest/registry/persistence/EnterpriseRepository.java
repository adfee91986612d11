package dustwatch.ingest.registry.persistence;

import dustwatch.contracts.enterprise.Camera;
import dustwatch.contracts.enterprise.CollectionGateway;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.topic.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Table {@code ingest.enterprise}: one row per enterprise; collectors (with their points), gateways and cameras as JSON. */
@Repository
public class EnterpriseRepository {
    private static final TypeReference<List<DustCollector>> COLLECTORS = new TypeReference<>() {
    };

    private static final TypeReference<List<CollectionGateway>> GATEWAYS = new TypeReference<>() {
    };
    private static final TypeReference<List<Camera>> CAMERAS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public EnterpriseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the profile of {@code profile.uscc()}. */
    public void upsert(EnterpriseProfile profile, String updatedBy) {
        jdbc.sql("""
                        INSERT INTO ingest.enterprise (uscc, name, region_code, dust_type, dust_workers,
                            ignition_prone_process, collectors, updated_at, updated_by, gateways, cameras, longitude, latitude)
                        VALUES (:uscc, :name, :region, :dustType, :workers, :ignition, CAST(:collectors AS jsonb), :updatedAt, :by,
                            CAST(:gateways AS jsonb), CAST(:cameras AS jsonb), :longitude, :latitude)
                        ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
                            dust_type = EXCLUDED.dust_type, dust_workers = EXCLUDED.dust_workers,
                            ignition_prone_process = EXCLUDED.ignition_prone_process, collectors = EXCLUDED.collectors,
                            updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
                            gateways = EXCLUDED.gateways, cameras = EXCLUDED.cameras,
                            longitude = EXCLUDED.longitude, latitude = EXCLUDED.latitude
                        """)
                .param("uscc", profile.uscc())
                .param("name", profile.name())
                .param("region", profile.regionCode())
                .param("dustType", profile.dustType().name())
                .param("workers", profile.dustWorkers())
                .param("ignition", profile.ignitionProneProcess())
                .param("collectors", Json.MAPPER.writeValueAsString(profile.collectors()))
                .param("updatedAt", Timestamp.from(profile.updatedAt()))
                .param("by", updatedBy)
                .param("gateways", Json.MAPPER.writeValueAsString(profile.gateways()))
                .param("cameras", Json.MAPPER.writeValueAsString(profile.cameras()))
                .param("longitude", profile.longitude())
                .param("latitude", profile.latitude())
                .update();
    }

    /** The profile of {@code uscc}, if registered. */
    public Optional<EnterpriseProfile> find(String uscc) {
        return jdbc.sql("SELECT * FROM ingest.enterprise WHERE uscc = :uscc").param("uscc", uscc)
                .query(EnterpriseRepository::map).optional();
    }

    /** The profiles of those of {@code usccs} that are registered, in one statement. */
    public java.util.Map<String, EnterpriseProfile> findAll(java.util.Collection<String> usccs) {
        java.util.Map<String, EnterpriseProfile> found = new java.util.HashMap<>();
        if (usccs.isEmpty()) {
            return found;
        }
        // bpchar[]: compared as text, the char(18) key would not use its index
        jdbc.sql("SELECT * FROM ingest.enterprise WHERE uscc = ANY(CAST(:usccs AS bpchar[]))")
                .param("usccs", usccs.toArray(String[]::new))
                .query(EnterpriseRepository::map).list()
                .forEach(p -> found.put(p.uscc(), p));
        return found;
    }

    /** Profiles whose region code starts with {@code regionPrefix}, ordered by USCC. */
    public List<EnterpriseProfile> findByRegionPrefix(String regionPrefix) {
        return jdbc.sql("SELECT * FROM ingest.enterprise WHERE region_code LIKE :prefix ORDER BY uscc")
                .param("prefix", regionPrefix + "%")
                .query(EnterpriseRepository::map).list();
    }

    private static EnterpriseProfile map(ResultSet rs, int row) throws SQLException {
        return new EnterpriseProfile(rs.getString("uscc"), rs.getString("name"), rs.getString("region_code"),
                DustType.valueOf(rs.getString("dust_type")), rs.getInt("dust_workers"),
                rs.getBoolean("ignition_prone_process"),
                Json.MAPPER.readValue(rs.getString("collectors"), COLLECTORS),
                rs.getTimestamp("updated_at").toInstant(),
                Json.MAPPER.readValue(rs.getString("gateways"), GATEWAYS),
                Json.MAPPER.readValue(rs.getString("cameras"), CAMERAS),
                rs.getObject("longitude", Double.class), rs.getObject("latitude", Double.class));
    }
}
