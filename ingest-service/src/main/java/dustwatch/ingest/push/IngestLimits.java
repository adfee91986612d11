package dustwatch.ingest.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code dustwatch.ingest.limits.*}: sizes and time windows of the push (domain reference §1.3, §2.5).
 *
 * @param maxMessages   messages per request; more is answered 413 (default 500)
 * @param maxPoints     points per REALTIME message; more rejects that message (default 1000)
 * @param maxFutureSkew a collect time further ahead than this is rejected (§1.3: 5 min)
 * @param normalMaxAge  NORMAL data older than this is rejected; send it as RESEND (§2.5: 24 h)
 * @param resendMaxAge  RESEND (续传) data older than this is rejected (30 days)
 * @param maxRequestBytes body size of a push or registration; more is answered 413 (default 8 MiB), whether
 *                        declared by {@code Content-Length} or counted on a chunked body
 */
@ConfigurationProperties("dustwatch.ingest.limits")
public record IngestLimits(
        @DefaultValue("500") int maxMessages,
        @DefaultValue("1000") int maxPoints,
        @DefaultValue("5m") Duration maxFutureSkew,
        @DefaultValue("24h") Duration normalMaxAge,
        @DefaultValue("30d") Duration resendMaxAge,
        @DefaultValue("8MB") DataSize maxRequestBytes) {

    /** The defaults of the domain reference. */
    public static IngestLimits defaults() {
        return new IngestLimits(500, 1000, Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofDays(30),
                DataSize.ofMegabytes(8));
    }
}
