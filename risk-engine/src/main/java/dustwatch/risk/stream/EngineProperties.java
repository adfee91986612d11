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
 *                           open alarms or stale gateways (5 s: offline is raised within its timeout plus one
 *                           pass, {@code ceil(enterprises of the task / tick-batch)} intervals)
 * @param reassessInterval   how often every enterprise is re-assessed (cleaning windows pass with time), 60 s
 * @param catchUpLag         while the engine works through records received longer ago than this (a backlog
 *                           after a restart), it raises no offline: the silence may be its own lag (30 s)
 * @param tickBatch          enterprises one task visits per punctuation; the wall-clock pass over all of a task's
 *                           enterprises goes on where the last tick stopped, so a national registry never keeps the
 *                           stream thread from its records (1,000)
 */
@ConfigurationProperties("dustwatch.risk.engine")
public record EngineProperties(Duration liveMaxAge, Duration offlineTimeout, Duration punctuateInterval,
                               Duration reassessInterval, Duration catchUpLag, int tickBatch) {

    /** @throws IllegalArgumentException naming a missing or non-positive setting */
    public EngineProperties {
        positive(liveMaxAge, "live-max-age");
        positive(offlineTimeout, "offline-timeout");
        positive(punctuateInterval, "punctuate-interval");
        positive(reassessInterval, "reassess-interval");
        positive(catchUpLag, "catch-up-lag");
        if (tickBatch <= 0) {
            throw new IllegalArgumentException("dustwatch.risk.engine.tick-batch must be a positive number of enterprises");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("dustwatch.risk.engine." + name + " must be a positive duration");
        }
    }
}
