package dustwatch.ingest.cleaning.persistence;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.topic.Json;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Cleaning plans (latest per enterprise), check-ins, and the photo hashes already used as evidence. */
@Repository
public class CleaningRepository {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;

    public CleaningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code plan} as the enterprise's plan, replacing an earlier one. */
    public void savePlan(CleaningPlan plan) {
        jdbc.sql("""
                        INSERT INTO ingest.cleaning_plan (uscc, region_code, plan, updated_at)
                        VALUES (:uscc, :region, CAST(:plan AS jsonb), :at)
                        ON CONFLICT (uscc) DO UPDATE SET region_code = EXCLUDED.region_code, plan = EXCLUDED.plan,
                            updated_at = EXCLUDED.updated_at
                        """)
                .param("uscc", plan.uscc())
                .param("region", plan.regionCode())
                .param("plan", Json.MAPPER.writeValueAsString(plan))
                .param("at", Timestamp.from(plan.updatedAt()))
                .update();
    }

    /** The plan of {@code uscc}, if it has one. */
    public Optional<CleaningPlan> plan(String uscc) {
        return jdbc.sql("SELECT plan FROM ingest.cleaning_plan WHERE uscc = :uscc").param("uscc", uscc)
                .query((rs, i) -> Json.MAPPER.readValue(rs.getString(1), CleaningPlan.class)).optional();
    }

    /** The plans of the enterprises whose region starts with {@code regionPrefix}. */
    public List<CleaningPlan> plans(String regionPrefix) {
        return jdbc.sql("SELECT plan FROM ingest.cleaning_plan WHERE region_code LIKE :prefix ORDER BY uscc")
                .param("prefix", regionPrefix + "%")
                .query((rs, i) -> Json.MAPPER.readValue(rs.getString(1), CleaningPlan.class)).list();
    }

    /** Of {@code hashes}, those {@code uscc} already used as evidence. */
    public List<String> usedPhotos(String uscc, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT sha256 FROM ingest.cleaning_photo WHERE uscc = :uscc AND sha256 IN (:hashes) ORDER BY sha256")
                .param("uscc", uscc).param("hashes", hashes)
                .query((rs, i) -> rs.getString(1).trim()).list();
    }

    /**
     * Records the check-in and claims its photos.
     *
     * @return false when a concurrent check-in claimed one of the photos first (the caller rolls back)
     */
    public boolean insert(CleaningCheckIn c) {
        jdbc.sql("""
                        INSERT INTO ingest.cleaning_check_in (check_in_id, uscc, region_code, area_code, method, photo_hashes,
                            person, latitude, longitude, checked_in_at, source)
                        VALUES (:id, :uscc, :region, :area, :method, CAST(:photos AS jsonb), :person, :lat, :lon, :at, :source)
                        """)
                .param("id", UUID.fromString(c.checkInId()))
                .param("uscc", c.uscc())
                .param("region", c.regionCode())
                .param("area", c.areaCode())
                .param("method", c.method())
                .param("photos", Json.MAPPER.writeValueAsString(c.photoHashes()))
                .param("person", c.person())
                .param("lat", c.latitude())
                .param("lon", c.longitude())
                .param("at", Timestamp.from(c.checkedInAt()))
                .param("source", c.source())
                .update();
        int claimed = 0;
        for (String hash : c.photoHashes()) {
            claimed += jdbc.sql("""
                            INSERT INTO ingest.cleaning_photo (uscc, sha256, check_in_id) VALUES (:uscc, :hash, :id)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("uscc", c.uscc()).param("hash", hash).param("id", UUID.fromString(c.checkInId()))
                    .update();
        }
        return claimed == c.photoHashes().size();
    }

    /** Check-ins of {@code uscc} in {@code [from, until)}, oldest first. */
    public List<CleaningCheckIn> checkIns(String uscc, Instant from, Instant until) {
        return jdbc.sql("""
                        SELECT * FROM ingest.cleaning_check_in WHERE uscc = :uscc AND checked_in_at >= :from
                            AND checked_in_at < :until ORDER BY checked_in_at
                        """)
                .param("uscc", uscc).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query(CleaningRepository::map).list();
    }

    private static CleaningCheckIn map(ResultSet rs, int row) throws SQLException {
        return new CleaningCheckIn(rs.getString("check_in_id"), rs.getString("uscc").trim(), rs.getString("region_code"),
                rs.getString("area_code"), rs.getString("method"), Json.MAPPER.readValue(rs.getString("photo_hashes"), STRINGS),
                rs.getString("person"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getTimestamp("checked_in_at").toInstant(), rs.getString("source"));
    }
}
