package dustwatch.alert.delivery;

import dustwatch.alert.roster.Contact;
import dustwatch.alert.roster.DutyRosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The console-unread fallback (未读转发): every {@code tick}, a message the console took at a chain position with
 * further channels that nobody read within its colour's {@code unread-limit} is claimed in the delivery table (one
 * instance of several wins it), logged {@code UNREAD_TIMEOUT} and sent on from the next channel. It is found in the
 * table, not kept in memory, so a restart loses none; the message is rebuilt from the stored row (contact, title,
 * text) and the unit's roster (webhook).
 */
@Component
public class UnreadSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnreadSweep.class);
    private final DeliveryLog log;
    private final Notifier notifier;
    private final DutyRosters rosters;
    private final NotifyProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("unread-sweep").factory());

    public UnreadSweep(DeliveryLog log, Notifier notifier, DutyRosters rosters, NotifyProperties properties, Clock clock) {
        this.log = log;
        this.notifier = notifier;
        this.rosters = rosters;
        this.properties = properties;
        this.clock = clock;
        long every = properties.tick().toMillis();
        ticker.scheduleWithFixedDelay(this::safeSweep, every, every, TimeUnit.MILLISECONDS);
    }

    private void safeSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("unread sweep failed: {}", e.toString());
        }
    }

    /** Moves the console messages unread past their colour's limit on to the next channel; returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        Duration shortest = properties.unreadLimit().values().stream().min(Comparator.naturalOrder()).orElseThrow();
        int resumed = 0;
        for (DeliveryLog.Unread unread : log.consoleUnread(now.minus(shortest))) {
            Delivery d = unread.delivery();
            List<ChannelName> chain = properties.chainFor(d.colour());
            Duration limit = properties.unreadLimitFor(d.colour());
            int at = d.channelIndex();
            boolean onConsoleWithMore = at + 1 < chain.size() && chain.get(at) == ChannelName.CONSOLE;
            if (!onConsoleWithMore || unread.consoleSentAt().plus(limit).isAfter(now)) {
                continue;
            }
            if (log.claimUnread(d.id(), at, at + 1, "not read within " + limit)) {
                notifier.resume(message(unread), d.colour(), at + 1);
                resumed++;
            }
        }
        return resumed;
    }

    /** The message as first sent, from the delivery row; the webhook is the unit's now. */
    private Message message(DeliveryLog.Unread unread) {
        Delivery d = unread.delivery();
        Contact contact = new Contact(d.recipient().substring(d.recipient().indexOf('/') + 1), d.person(), d.phone(),
                d.email());
        String title = unread.title() != null ? unread.title() : "【预警】" + d.subjectId() + " / " + d.step();
        String text = unread.text() != null ? unread.text() : title;
        return new Message(d.id(), d.subjectId(), d.step(), d.unitTier(), d.unitCode(), contact,
                rosters.onDuty(d.unitCode(), clock.instant()).webhook(), null, title, text);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
