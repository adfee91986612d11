package dustwatch.disposal.supervision.persistence;

import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.MonitoringPoint;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.disposal.supervision.SupervisionFeeds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@link SupervisionFeeds} in the {@code disposal.feed_*} tables (V3 migration). */
@Repository
class JdbcSupervisionFeeds implements SupervisionFeeds {
    private final JdbcClient jdbc;

    JdbcSupervisionFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void registered(EnterpriseProfile p) {
        Instant at = p.updatedAt() == null ? Instant.now() : p.updatedAt();
        String collectors = p.collectors().stream().map(DustCollector::code).collect(Collectors.joining(","));
        String points = p.collectors().stream().flatMap(c -> c.points().stream()).map(MonitoringPoint::code)
                .collect(Collectors.joining(","));
        jdbc.sql("""
                        INSERT INTO disposal.feed_enterprise (uscc, name, region_code, dust_type, dust_workers, collectors, points,
                                                              registered_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, region_code = excluded.region_code,
                            dust_type = excluded.dust_type, dust_workers = excluded.dust_workers,
                            collectors = excluded.collectors, points = excluded.points,
                            registered_at = least(disposal.feed_enterprise.registered_at, excluded.registered_at),
                            updated_at = greatest(disposal.feed_enterprise.updated_at, excluded.updated_at)
                        WHERE excluded.updated_at >= disposal.feed_enterprise.updated_at""")
                .params(p.uscc(), p.name(), p.regionCode(), p.dustType().name(), p.dustWorkers(), collectors, points,
                        utc(at), utc(at))
                .update();
    }

    @Override
    @Transactional
    public boolean readings(ReadingBatch batch) {
        Instant at = batch.receivedAt() == null ? batch.collectTime() : batch.receivedAt();
        int good = (int) batch.readings().stream().filter(r -> r.quality() == 0).count();
        int inserted = jdbc.sql("""
                        INSERT INTO disposal.feed_batch (event_id, uscc, received_at, samples, good) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (event_id) DO NOTHING""")
                .params(batch.eventId(), batch.uscc(), utc(at), batch.readings().size(), good).update();
        if (inserted == 0) {
            return false;
        }
        Set<String> points = new TreeSet<>();
        batch.readings().stream().map(Reading::pointCode).forEach(points::add);
        for (String point : points) {
            jdbc.sql("""
                            INSERT INTO disposal.feed_point_seen (uscc, point_code, first_seen) VALUES (?, ?, ?)
                            ON CONFLICT (uscc, point_code) DO UPDATE SET first_seen = least(disposal.feed_point_seen.first_seen, excluded.first_seen)
                            WHERE excluded.first_seen < disposal.feed_point_seen.first_seen""")
                    .params(batch.uscc(), point, utc(at)).update();
        }
        return true;
    }

    @Override
    @Transactional
    public void offline(OfflineEvent e) {
        if (!"ENTERPRISE".equals(e.scope()) || e.at() == null) {
            return;
        }
        jdbc.sql("INSERT INTO disposal.feed_offline (event_id, uscc, offline, at) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
                .params(e.eventId(), e.uscc(), "START".equals(e.status()), utc(e.at())).update();
    }

    @Override
    @Transactional
    public void plan(CleaningPlan plan) {
        Instant at = plan.updatedAt() == null ? Instant.now() : plan.updatedAt();
        String areas = plan.areas().stream().map(a -> a.areaCode() + ":" + a.frequency().name())
                .collect(Collectors.joining(","));
        jdbc.sql("""
                        INSERT INTO disposal.feed_cleaning_plan (uscc, areas, shifts, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (uscc) DO UPDATE SET areas = excluded.areas, shifts = excluded.shifts, updated_at = excluded.updated_at
                        WHERE excluded.updated_at >= disposal.feed_cleaning_plan.updated_at""")
                .params(plan.uscc(), areas, plan.shifts().size(), utc(at)).update();
    }

    @Override
    @Transactional
    public void checkIn(CleaningCheckIn c) {
        jdbc.sql("""
                        INSERT INTO disposal.feed_check_in (check_in_id, uscc, area_code, checked_in_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (check_in_id) DO NOTHING""")
                .params(c.checkInId(), c.uscc(), c.areaCode(), utc(c.checkedInAt())).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
