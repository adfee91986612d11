package dustwatch.alert.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code dustwatch.alert.delivery.*}.
 *
 * @param seenCapacity   how many recent warning ids are remembered to drop redelivered warnings (default 10000)
 * @param publishTimeout how long to wait for {@code dust.notifications} to acknowledge one warning's records (10 s)
 * @param retryInterval  pause between attempts at a warning whose notifications could not be written (2 s)
 * @param retryAttempts  attempts before such a warning is logged and skipped (30)
 */
@ConfigurationProperties("dustwatch.alert.delivery")
public record DeliveryProperties(int seenCapacity, Duration publishTimeout, Duration retryInterval, int retryAttempts) {
    public DeliveryProperties {
        if (seenCapacity < 1) {
            throw new IllegalArgumentException("dustwatch.alert.delivery.seen-capacity must be positive");
        }
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(10) : publishTimeout;
        retryInterval = retryInterval == null ? Duration.ofSeconds(2) : retryInterval;
    }
}
