package dustwatch.disposal.supervision.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps {@code disposal.feed_batch} (the event ids of counted messages, for de-duplication) to
 * {@code dustwatch.disposal.supervision.feed-dedupe-window}: a Kafka redelivery comes within minutes, and the
 * counts themselves live on in {@code feed_samples_day}. Without it the table grows by one row per message.
 */
@Component
class FeedEventIdRetention {
    private static final Logger log = LoggerFactory.getLogger(FeedEventIdRetention.class);

    private final JdbcSupervisionFeeds feeds;
    private final Duration window;
    private final Clock clock;

    FeedEventIdRetention(JdbcSupervisionFeeds feeds,
                         @Value("${dustwatch.disposal.supervision.feed-dedupe-window}") Duration window, Clock clock) {
        this.feeds = feeds;
        this.window = window;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dustwatch.disposal.supervision.feed-dedupe-prune-interval}",
            initialDelayString = "${dustwatch.disposal.supervision.feed-dedupe-prune-interval}")
    void prune() {
        int forgotten = feeds.forgetEventIdsBefore(clock.instant().minus(window));
        if (forgotten > 0) {
            log.info("forgot {} counted message ids older than {}", forgotten, window);
        }
    }
}
