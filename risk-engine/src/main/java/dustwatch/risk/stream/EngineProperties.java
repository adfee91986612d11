package dustwatch.risk.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code dustwatch.risk.engine.*}: time semantics and wall-clock work of the topology (domain reference §2.5,
 * §2.6).
 *
 * @param liveMaxAge         a NORMAL batch collected longer ago than this (platform time) is late: it fills
 *                           history but starts no alarm or warning (10 min)
 * @param offlineTimeout     a gateway with no message for this long is offline (§2.6: 10 min)
 * @param punctuateInterval  how often the wall-clock punctuator checks offline and re-assesses enterprises with
 *                           open alarms or stale gateways (5 s: offline is raised within its timeout + 5 s)
 * @param reassessInterval   how often every enterprise is re-assessed (cleaning windows pass with time), 60 s
 * @param catchUpLag         while the engine works through records received longer ago than this (a backlog
 *                           after a restart), it raises no offline: the silence may be its own lag (30 s)
 */
@ConfigurationProperties("dustwatch.risk.engine")
public record EngineProperties(Duration liveMaxAge, Duration offlineTimeout, Duration punctuateInterval,
                               Duration reassessInterval, Duration catchUpLag) {

    /** @throws IllegalArgumentException naming a missing or non-positive setting */
    public EngineProperties {
        positive(liveMaxAge, "live-max-age");
        positive(offlineTimeout, "offline-timeout");
        positive(punctuateInterval, "punctuate-interval");
        positive(reassessInterval, "reassess-interval");
        positive(catchUpLag, "catch-up-lag");
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("dustwatch.risk.engine." + name + " must be a positive duration");
        }
    }
}
