package dustwatch.disposal.supervision;

import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.ReadingBatch;

/**
 * Keeps what supervision needs from other services' topics (registry, readings, offline events, cleaning plans and
 * check-ins). Every method is idempotent: a record delivered twice changes nothing the second time. Implemented
 * by {@code persistence.JdbcSupervisionFeeds}; fed by {@code messaging.SupervisionFeedListener}.
 */
public interface SupervisionFeeds {
    /** The latest profile of an enterprise (the first one seen sets its registration time). */
    void registered(EnterpriseProfile profile);

    /**
     * The points that reported and the samples of accepted messages, all in one transaction (one poll of
     * {@code dust.realtime}: two statements, whatever its size).
     *
     * @return how many of the messages were new (a message seen before is not counted again)
     */
    int readings(java.util.List<ReadingBatch> batches);

    /** An enterprise-wide outage starting or ending; gateway-level events are ignored. */
    void offline(OfflineEvent event);

    /** The latest cleaning plan of an enterprise. */
    void plan(CleaningPlan plan);

    /** One cleaning check-in. */
    void checkIn(CleaningCheckIn checkIn);
}
