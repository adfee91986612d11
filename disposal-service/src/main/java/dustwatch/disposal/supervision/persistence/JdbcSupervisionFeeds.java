package dustwatch.disposal.supervision.persistence;

import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.MonitoringPoint;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.disposal.supervision.Period;
import dustwatch.disposal.supervision.SupervisionFeeds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    public int readings(List<ReadingBatch> batches) {
        // one message once (a redelivery, or the same event twice in one poll, is counted once); a message id is
        // unique per enterprise only
        Map<List<String>, ReadingBatch> byEvent = new LinkedHashMap<>();
        batches.forEach(b -> byEvent.putIfAbsent(List.of(b.uscc(), b.eventId()), b));
        if (byEvent.isEmpty()) {
            return 0;
        }
        int n = byEvent.size();
        String[] ids = new String[n];
        String[] usccs = new String[n];
        long[] received = new long[n];
        int[] samples = new int[n];
        int[] good = new int[n];
        int i = 0;
        for (ReadingBatch b : byEvent.values()) {
            ids[i] = b.eventId();
            usccs[i] = b.uscc();
            received[i] = receivedAt(b).toEpochMilli();
            samples[i] = b.readings().size();
            good[i++] = (int) b.readings().stream().filter(r -> r.quality() == 0).count();
        }
        Set<List<String>> inserted = new HashSet<>(jdbc.sql("""
                        INSERT INTO disposal.feed_batch (event_id, uscc, received_at, samples, good)
                        SELECT k.id, k.uscc, to_timestamp(k.millis / 1000.0), k.samples, k.good
                        FROM unnest(CAST(:ids AS text[]), CAST(:usccs AS text[]), CAST(:received AS bigint[]),
                                    CAST(:samples AS int[]), CAST(:good AS int[])) AS k(id, uscc, millis, samples, good)
                        ON CONFLICT (uscc, event_id) DO NOTHING
                        RETURNING uscc, event_id""")
                .param("ids", ids).param("usccs", usccs).param("received", received).param("samples", samples)
                .param("good", good).query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list());
        // the day's counts of the new messages, by enterprise and China day (a row is updated once per statement)
        Map<List<String>, long[]> byDay = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (ReadingBatch b : byEvent.values()) {
            if (inserted.contains(List.of(b.uscc(), b.eventId()))) {
                String day = receivedAt(b).atZone(Period.CHINA).toLocalDate().toString();
                long[] counts = byDay.computeIfAbsent(List.of(b.uscc(), day), k -> new long[2]);
                counts[0] += b.readings().size();
                counts[1] += b.readings().stream().filter(r -> r.quality() == 0).count();
            }
        }
        if (!byDay.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO disposal.feed_samples_day (uscc, day, samples, good)
                            SELECT k.uscc, CAST(k.day AS date), k.samples, k.good
                            FROM unnest(CAST(:usccs AS text[]), CAST(:days AS text[]), CAST(:samples AS bigint[]),
                                        CAST(:good AS bigint[])) AS k(uscc, day, samples, good)
                            ON CONFLICT (uscc, day) DO UPDATE SET samples = disposal.feed_samples_day.samples + excluded.samples,
                                                                  good = disposal.feed_samples_day.good + excluded.good""")
                    .param("usccs", byDay.keySet().stream().map(k -> k.get(0)).toArray(String[]::new))
                    .param("days", byDay.keySet().stream().map(k -> k.get(1)).toArray(String[]::new))
                    .param("samples", byDay.values().stream().mapToLong(c -> c[0]).toArray())
                    .param("good", byDay.values().stream().mapToLong(c -> c[1]).toArray())
                    .update();
        }
        // the first time each point reported, over the new messages only (a row is updated once per statement)
        Map<List<String>, Instant> firstSeen = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (ReadingBatch b : byEvent.values()) {
            if (inserted.contains(List.of(b.uscc(), b.eventId()))) {
                Instant at = receivedAt(b);
                b.readings().forEach(r -> firstSeen.merge(List.of(b.uscc(), r.pointCode()), at,
                        (x, y) -> x.isBefore(y) ? x : y));
            }
        }
        if (!firstSeen.isEmpty()) {
            String[] pointUsccs = firstSeen.keySet().stream().map(k -> k.get(0)).toArray(String[]::new);
            String[] points = firstSeen.keySet().stream().map(k -> k.get(1)).toArray(String[]::new);
            long[] seen = firstSeen.values().stream().mapToLong(Instant::toEpochMilli).toArray();
            jdbc.sql("""
                            INSERT INTO disposal.feed_point_seen (uscc, point_code, first_seen)
                            SELECT k.uscc, k.point, to_timestamp(k.millis / 1000.0)
                            FROM unnest(CAST(:usccs AS text[]), CAST(:points AS text[]), CAST(:seen AS bigint[])) AS k(uscc, point, millis)
                            ON CONFLICT (uscc, point_code) DO UPDATE SET first_seen = least(disposal.feed_point_seen.first_seen, excluded.first_seen)
                            WHERE excluded.first_seen < disposal.feed_point_seen.first_seen""")
                    .param("usccs", pointUsccs).param("points", points).param("seen", seen).update();
        }
        return inserted.size();
    }

    /**
     * Forgets the event ids of messages received before {@code before}: a redelivery comes within minutes of the
     * first delivery; the counts stay in {@code feed_samples_day}.
     *
     * @return rows deleted
     */
    int forgetEventIdsBefore(Instant before) {
        return jdbc.sql("DELETE FROM disposal.feed_batch WHERE received_at < ?").params(utc(before)).update();
    }

    private static Instant receivedAt(ReadingBatch batch) {
        return batch.receivedAt() == null ? batch.collectTime() : batch.receivedAt();
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
