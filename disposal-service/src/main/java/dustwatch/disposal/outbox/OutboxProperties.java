package dustwatch.disposal.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code dustwatch.disposal.outbox.*}.
 *
 * @param pollInterval pause between two relay runs, e.g. 500ms
 * @param batchSize    most rows published per run
 * @param sendTimeout  how long a run waits for the broker's acknowledgements before giving up (rows stay unpublished)
 */
@ConfigurationProperties("dustwatch.disposal.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, Duration sendTimeout) {
    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
    }
}
