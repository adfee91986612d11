package dustwatch.alert.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code dustwatch.alert.console.*}: the on-duty console push (值班台推送).
 *
 * @param queueCapacity  events a console may have waiting before it is disconnected as stalled (default 256)
 * @param heartbeat      interval of the keep-alive comment that keeps proxies from closing an idle stream (15 s)
 * @param replayWindow   how far back a newly connected console is sent the warnings routed to it (1 h, by issue time)
 * @param replayCapacity how many recent warnings are kept in memory for replay (1000, oldest dropped first)
 * @param maxClients     consoles connected at once; one more is answered 503 with {@code Retry-After} (1000)
 * @param retryAfter     the {@code Retry-After} of that 503 (30 s)
 */
@ConfigurationProperties("dustwatch.alert.console")
public record ConsoleProperties(int queueCapacity, Duration heartbeat, Duration replayWindow, int replayCapacity,
                                int maxClients, Duration retryAfter) {
    /** @throws IllegalArgumentException when a capacity is not positive or a duration is missing */
    public ConsoleProperties {
        if (queueCapacity < 2 || replayCapacity < 1 || maxClients < 1) {
            throw new IllegalArgumentException("dustwatch.alert.console capacities must be positive (queue-capacity >= 2)");
        }
        if (heartbeat == null || replayWindow == null || retryAfter == null) {
            throw new IllegalArgumentException("dustwatch.alert.console.heartbeat, replay-window and retry-after are required");
        }
    }
}
