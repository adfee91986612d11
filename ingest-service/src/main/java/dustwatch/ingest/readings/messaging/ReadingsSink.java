package dustwatch.ingest.readings.messaging;

import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.ingest.readings.persistence.ReadingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Writes every {@link ReadingBatch} of {@code dust.realtime} into {@code ingest.reading} (group
 * {@code dustwatch-readings-sink}, read_committed). Idempotent: a redelivered batch inserts nothing new.
 */
@Component
public class ReadingsSink {
    /** Consumer group of the sink. */
    public static final String GROUP = "dustwatch-readings-sink";
    private static final Logger log = LoggerFactory.getLogger(ReadingsSink.class);

    private final ReadingRepository readings;
    private final Clock clock;

    public ReadingsSink(ReadingRepository readings, Clock clock) {
        this.readings = readings;
        this.clock = clock;
    }

    /** Stores one batch; a database failure is retried by the container's error handler. */
    @KafkaListener(id = GROUP, groupId = GROUP, topics = "#{T(dustwatch.contracts.topic.Topics).READINGS.name()}",
            containerFactory = ReadingsSinkConfiguration.FACTORY)
    @Transactional
    public void onBatch(ReadingBatch batch) {
        if (batch == null) {
            return;
        }
        int stored = readings.store(batch, clock.instant());
        log.debug("stored {} of {} readings of {} ({})", stored, batch.readings().size(), batch.uscc(), batch.eventId());
    }
}
