package dustwatch.disposal.supervision.messaging;

import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.disposal.supervision.SupervisionFeeds;
import dustwatch.contracts.reading.ReadingBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds {@link SupervisionFeeds} from {@code dust.registry}, {@code dust.realtime}, {@code dust.offline},
 * {@code dust.cleaning-plan} and {@code dust.cleaning}. A record that does not parse is logged and skipped (its
 * topic's producer validated it; a poison record must not stop supervision). A batch listener: the readings of
 * one poll are recorded together.
 */
@Component
class SupervisionFeedListener {
    private static final Logger log = LoggerFactory.getLogger(SupervisionFeedListener.class);

    private final SupervisionFeeds feeds;

    SupervisionFeedListener(SupervisionFeeds feeds) {
        this.feeds = feeds;
    }

    @KafkaListener(id = "disposal-supervision-feeds", groupId = "dustwatch-disposal-supervision",
            topics = {"#{@supervisionRegistryTopic.name()}", "#{@supervisionReadingsTopic.name()}",
                    "#{@supervisionOfflineTopic.name()}", "#{@supervisionCleaningPlansTopic.name()}",
                    "#{@supervisionCheckInsTopic.name()}"},
            containerFactory = "supervisionFeedContainerFactory")
    void onPoll(List<ConsumerRecord<String, byte[]>> records) {
        List<ReadingBatch> readings = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue; // a tombstone on a compacted topic: nothing to count
            }
            String topic = record.topic();
            try {
                if (topic.equals(Topics.REGISTRY.name())) {
                    feeds.registered(value(Topics.REGISTRY, record));
                } else if (topic.equals(Topics.READINGS.name())) {
                    ReadingBatch batch = value(Topics.READINGS, record);
                    if (batch.eventId() == null || batch.uscc() == null || batch.readings() == null) {
                        throw new IllegalArgumentException("a ReadingBatch without event id, enterprise or readings");
                    }
                    readings.add(batch);
                } else if (topic.equals(Topics.OFFLINE.name())) {
                    feeds.offline(value(Topics.OFFLINE, record));
                } else if (topic.equals(Topics.CLEANING_PLANS.name())) {
                    feeds.plan(value(Topics.CLEANING_PLANS, record));
                } else if (topic.equals(Topics.CLEANING_CHECK_INS.name())) {
                    feeds.checkIn(value(Topics.CLEANING_CHECK_INS, record));
                }
            } catch (RuntimeException malformed) {
                if (malformed instanceof org.springframework.dao.DataAccessException) {
                    throw malformed; // the database is away: the poll is retried with back-off (every step is idempotent)
                }
                log.warn("supervision feed record at {}-{}@{} skipped: {}", topic, record.partition(), record.offset(),
                        malformed.toString());
            }
        }
        // the readings of the whole poll in one transaction: at the platform's rate, one per message was the
        // database's heaviest load (docs/performance.md)
        if (!readings.isEmpty()) {
            feeds.readings(readings);
        }
    }

    private static <V> V value(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        V value = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
        if (value == null) {
            throw new IllegalArgumentException("empty value");
        }
        return value;
    }
}
