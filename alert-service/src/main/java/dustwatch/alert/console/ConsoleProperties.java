package dustwatch.alert.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code dustwatch.alert.console.*}: the on-duty console push (值班台推送).
 *
 * @param queueCapacity   events a console may have waiting before it is disconnected as stalled (default 256)
 * @param heartbeat       interval of the keep-alive comment that keeps proxies from closing an idle stream (15 s)
 * @param replayLimit     events a console reconnecting with {@code Last-Event-ID} is replayed at most (128); one
 *                        further behind is sent the open warnings of its scope instead, as a console without an id
 * @param maxClients      consoles connected at once; one more is answered 503 with {@code Retry-After} (1000)
 * @param retryAfter      the {@code Retry-After} of that 503 (30 s)
 * @param disposalGroupId consumer group of the console's reader of {@code dust.disposal-events}
 */
@ConfigurationProperties("dustwatch.alert.console")
public record ConsoleProperties(int queueCapacity, Duration heartbeat, int replayLimit, int maxClients,
                                Duration retryAfter, String disposalGroupId) {
    /** @throws IllegalArgumentException when a capacity is not positive, the replay does not fit the queue, or a duration is missing */
    public ConsoleProperties {
        if (queueCapacity < 4 || replayLimit < 1 || maxClients < 1) {
            throw new IllegalArgumentException("dustwatch.alert.console capacities must be positive (queue-capacity >= 4)");
        }
        if (replayLimit > queueCapacity - 2) {
            throw new IllegalArgumentException("dustwatch.alert.console.replay-limit must leave room in queue-capacity for ready and synced");
        }
        if (heartbeat == null || retryAfter == null) {
            throw new IllegalArgumentException("dustwatch.alert.console.heartbeat and retry-after are required");
        }
    }
}
