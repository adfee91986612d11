package dustwatch.disposal.escalation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code dustwatch.disposal.escalation.*} (domain reference §4.5).
 *
 * @param tickInterval     pause between two runs of the ladder, e.g. 30s
 * @param batchSize        most due timers handled per run
 * @param enforcementAfter how long after the clear deadline a still open warning puts its enterprise on the
 *                         enforcement list (执法), e.g. 24h (red not cleared within 48 h)
 * @param circularZone     the zone whose calendar months the warning circular (警示通报) covers, e.g. Asia/Shanghai
 */
@ConfigurationProperties("dustwatch.disposal.escalation")
public record EscalationProperties(Duration tickInterval, int batchSize, Duration enforcementAfter, ZoneId circularZone) {
    public EscalationProperties {
        tickInterval = tickInterval == null ? Duration.ofSeconds(30) : tickInterval;
        batchSize = batchSize <= 0 ? 200 : batchSize;
        enforcementAfter = enforcementAfter == null ? Duration.ofHours(24) : enforcementAfter;
        circularZone = circularZone == null ? ZoneId.of("Asia/Shanghai") : circularZone;
        if (enforcementAfter.isNegative()) {
            throw new IllegalArgumentException("dustwatch.disposal.escalation.enforcement-after must not be negative");
        }
    }
}
