package dustwatch.alert.delivery;

import dustwatch.alert.maintenance.NoiseControl;
import dustwatch.alert.routing.EventKind;
import dustwatch.alert.routing.KnownWarnings;
import dustwatch.alert.routing.RoutingRule;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.warning.Warning;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Set;

/**
 * What the consumers hand over: warnings ({@code dust.warning}) are kept and announced; the disposal events
 * ({@code dust.disposal-events}) end reminders (SIGN_IN), mark clearings and supersessions, and announce escalation
 * steps and overdue alarms; {@code dust.offline} holds and releases an enterprise's warnings.
 */
@Service
public class Intake {
    private static final Set<String> ESCALATIONS = Set.of(DisposalActions.SUPERVISION_NOTICE,
            DisposalActions.ONSITE_SUPERVISION, DisposalActions.ENFORCEMENT_LISTED, DisposalActions.CIRCULAR_LISTED);

    private final KnownWarnings warnings;
    private final Notifier notifier;
    private final DeliveryLog log;
    private final NoiseControl noise;
    private final Clock clock;

    public Intake(KnownWarnings warnings, Notifier notifier, DeliveryLog log, NoiseControl noise, Clock clock) {
        this.warnings = warnings;
        this.notifier = notifier;
        this.log = log;
        this.noise = noise;
        this.clock = clock;
    }

    /** Keeps the warning and tells the units the routing table names (a repeat opens no delivery). */
    public void warning(Warning w) {
        warnings.remember(w, clock.instant());
        notifier.announce(new Announcement(EventKind.WARNING, w.warningId(), "WARNING", w.colour().name(), w.uscc(),
                w.enterpriseName(), w.regionCode(), null, w, w.reason()));
    }

    public void disposal(DisposalEvent e) {
        String action = e.action();
        if (DisposalActions.SIGN_IN.equals(action)) {
            warnings.signedIn(e.warningId(), e.at());
            log.stopReminders(e.warningId());
        } else if (DisposalActions.CLEAR.equals(action)) {
            warnings.cleared(e.warningId(), e.at());
            log.stopReminders(e.warningId());
        } else if (DisposalActions.SUPERSEDE.equals(action)) {
            warnings.superseded(e.warningId(), e.note() == null ? "superseded" : e.note());
            log.stopReminders(e.warningId());
        } else if (ESCALATIONS.contains(action) && e.warningId() != null && e.colour() != null) {
            notifier.announce(new Announcement(EventKind.ESCALATION, e.warningId(), action + "#" + shortId(e.eventId()),
                    e.colour().name(), e.uscc(), null, e.regionCode(), e.targetTier(), null, e.note()));
        } else if (DisposalActions.ALARM_OVERDUE.equals(action) && e.alarmId() != null) {
            notifier.announce(new Announcement(EventKind.ALARM_OVERDUE, e.alarmId(), action + "#" + shortId(e.eventId()),
                    RoutingRule.ANY, e.uscc(), null, e.regionCode(), null, null, e.note()));
        }
    }

    /** An enterprise offline as a whole holds its warnings; back online releases them. */
    public void offline(OfflineEvent e) {
        if (!"ENTERPRISE".equals(e.scope())) {
            return;
        }
        if ("START".equals(e.status())) {
            noise.offline(e.uscc(), e.at());
        } else if ("END".equals(e.status())) {
            noise.online(e.uscc());
        }
    }

    private static String shortId(String eventId) {
        return eventId == null ? "-" : eventId.substring(0, Math.min(8, eventId.length()));
    }
}
