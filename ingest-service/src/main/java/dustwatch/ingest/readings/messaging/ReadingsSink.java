package dustwatch.ingest.readings.messaging;

import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.ingest.readings.persistence.ReadingRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes every {@link ReadingBatch} of {@code dust.realtime} into {@code ingest.reading} (group
 * {@code dustwatch-readings-sink}, read_committed). Idempotent: a redelivered batch inserts nothing new. A push
 * stores its readings itself, in its own transaction ({@code PushService}), so for pushed data the sink finds them
 * stored; it is the store's second writer for events that reached Kafka without their push committing (the
 * at-least-once window of {@code PushService}) and for batches produced to the topic by other means.
 * <p>A poll's batches already in the store as a whole are passed over ({@link ReadingRepository#storedWhole}: one
 * probe per batch, where inserting would try every reading); the others are stored in one statement (all rows or
 * none), then the offsets are committed. A transient
 * failure (database or broker unavailable, a timeout) is retried here every 2 s until it succeeds, so a paused
 * PostgreSQL makes the sink wait, never skip. Any other failure stores the poll batch by batch, so that the one
 * batch that fails is named to the container's error handler (retried 5 times, then logged and skipped) and the
 * batches before it are kept.
 */
@Component
public class ReadingsSink {
    /** Consumer group of the sink. */
    public static final String GROUP = "dustwatch-readings-sink";
    private static final Logger log = LoggerFactory.getLogger(ReadingsSink.class);
    private static final long TRANSIENT_RETRY_MILLIS = 2000L;

    private final ReadingRepository readings;
    private final Clock clock;

    public ReadingsSink(ReadingRepository readings, Clock clock) {
        this.readings = readings;
        this.clock = clock;
    }

    /** Stores one poll's batches. */
    @KafkaListener(id = GROUP, groupId = GROUP, topics = "#{T(dustwatch.contracts.topic.Topics).READINGS.name()}",
            containerFactory = ReadingsSinkConfiguration.FACTORY)
    public void onBatches(List<ConsumerRecord<String, ReadingBatch>> records) {
        List<ReadingBatch> batches = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ReadingBatch> r : records) {
            if (r.value() == null) {
                log.warn("skipping a record of {}-{} at offset {} that could not be decoded", r.topic(), r.partition(), r.offset());
            } else {
                batches.add(r.value());
            }
        }
        if (batches.isEmpty()) {
            return;
        }
        while (true) {
            try {
                Set<Integer> whole = readings.storedWhole(batches);
                List<ReadingBatch> missing = new ArrayList<>(batches.size() - whole.size());
                for (int i = 0; i < batches.size(); i++) {
                    if (!whole.contains(i)) {
                        missing.add(batches.get(i));
                    }
                }
                int stored = missing.isEmpty() ? 0 : readings.storeAll(missing, clock.instant());
                log.debug("stored {} new rows of {} batches ({} found stored)", stored, batches.size(), whole.size());
                return;
            } catch (RuntimeException e) {
                if (!ReadingsSinkConfiguration.transientFailure(e)) {
                    storeOneByOne(records);
                    return;
                }
                log.warn("storing {} batches failed for a transient reason ({}); retrying in 2 s", batches.size(), e.toString());
                try {
                    Thread.sleep(TRANSIENT_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new BatchListenerFailedException("interrupted while waiting to retry", e, 0);
                }
            }
        }
    }

    private void storeOneByOne(List<ConsumerRecord<String, ReadingBatch>> records) {
        for (int i = 0; i < records.size(); i++) {
            ReadingBatch batch = records.get(i).value();
            if (batch == null) {
                continue;
            }
            try {
                readings.store(batch, clock.instant());
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("storing " + batch.eventId() + " failed", e, i);
            }
        }
    }
}
