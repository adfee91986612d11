package dustwatch.alert.delivery;

import dustwatch.alert.routing.EventKind;
import dustwatch.alert.routing.KnownWarning;
import dustwatch.alert.routing.KnownWarnings;
import dustwatch.alert.routing.Recipient;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reminders (催办): every {@code reminder-cadence} of its colour after issue, a warning the enterprise has not signed
 * in is announced again to the enterprise's staff on duty as step {@code REMINDER-n}; a sign-in, a clearing or a
 * supersession ends them. Each step is de-duplicated like any delivery, so a restart does not repeat one.
 */
@Component
public class Reminders implements AutoCloseable {
    /** Steps of reminders are {@code REMINDER-1}, {@code REMINDER-2}, … */
    public static final String STEP_PREFIX = "REMINDER-";

    private final KnownWarnings warnings;
    private final Notifier notifier;
    private final NotifyProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("reminders").factory());

    public Reminders(KnownWarnings warnings, Notifier notifier, NotifyProperties properties, Clock clock) {
        this.warnings = warnings;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
        long every = properties.tick().toMillis();
        ticker.scheduleWithFixedDelay(this::safeTick, every, every, TimeUnit.MILLISECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Reminders.class).warn("reminder tick failed: {}", e.toString());
        }
    }

    /** Sends the reminders due now; returns how many deliveries it opened. */
    public int tick() {
        Instant now = clock.instant();
        int opened = 0;
        for (KnownWarning w : warnings.awaitingSignIn()) {
            Duration cadence = properties.reminderCadence().get(Colour.valueOf(w.colour()));
            long due = Duration.between(w.issuedAt(), now).toMillis() / cadence.toMillis();
            if (due < 1) {
                continue;
            }
            String step = STEP_PREFIX + due;
            Announcement a = new Announcement(EventKind.WARNING, w.warningId(), step, w.colour(), w.uscc(),
                    w.enterpriseName(), w.regionCode(), null, null,
                    "未签收, 第 " + due + " 次催办 (每 " + cadence.toMinutes() + " 分钟)");
            opened += notifier.tell(a, List.of(new Recipient(Tier.ENTERPRISE, w.uscc(),
                    "reminder every " + cadence + " until the enterprise signs the warning in")));
        }
        return opened;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
