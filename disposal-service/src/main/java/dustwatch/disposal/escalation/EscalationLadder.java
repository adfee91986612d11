package dustwatch.disposal.escalation;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.disposal.outbox.Outbox;
import dustwatch.disposal.warning.Timeline;
import dustwatch.disposal.warning.WarningCase;
import dustwatch.disposal.warning.WarningOpened;
import dustwatch.disposal.warning.WarningRecord;
import dustwatch.disposal.warning.WarningRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The escalation ladder (升级督办, domain reference §4.5). When a warning is opened its timers are armed in the
 * same transaction, one per {@link EscalationRule}. Each {@link #runOnce()} takes the due timers and decides each
 * in its own transaction: lock the warning, lock and re-read the timer (still PENDING?), replay the warning's
 * timeline to find its state at the rule's check instant, then compare-and-set the timer to FIRED (appending the
 * step to the timeline and the outbox, so a disposal event reaches Kafka) or MOOT. Everything lives in the
 * database, so a restart mid-ladder neither repeats nor skips a step, and several instances may run at once.
 */
@Service
public class EscalationLadder {
    private static final Logger log = LoggerFactory.getLogger(EscalationLadder.class);

    private final EscalationTimers timers;
    private final WarningRepository warnings;
    private final Timeline timeline;
    private final Outbox outbox;
    private final EscalationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public EscalationLadder(EscalationTimers timers, WarningRepository warnings, Timeline timeline, Outbox outbox,
                            EscalationProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.timers = timers;
        this.warnings = warnings;
        this.timeline = timeline;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Arms one timer per rule for a warning just opened (inside the opening transaction). */
    @EventListener
    public void onOpened(WarningOpened opened) {
        WarningRecord w = opened.warning();
        timers.arm(Arrays.stream(EscalationRule.values())
                .map(rule -> new EscalationTimer(w.warningId(), rule, rule.checkAt(w, properties),
                        rule.dueAt(w, properties), EscalationTimer.State.PENDING, null, null))
                .toList());
    }

    /** One run: decides every timer due now (at most {@code batch-size}). @return the steps fired */
    public int runOnce() {
        Instant now = clock.instant();
        List<EscalationTimer> due = transactions.execute(status -> timers.due(now, properties.batchSize()));
        int fired = 0;
        for (EscalationTimer timer : due == null ? List.<EscalationTimer>of() : due) {
            try {
                Boolean step = transactions.execute(status -> decide(timer.warningId(), timer.rule()));
                fired += Boolean.TRUE.equals(step) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("escalation {} of warning {} not decided, retried next run: {}", timer.rule(),
                        timer.warningId(), e.toString());
            }
        }
        return fired;
    }

    /** Runs {@link #runOnce()}, logging instead of throwing so that the schedule goes on. */
    void scheduledRun() {
        try {
            int fired = runOnce();
            if (fired > 0) {
                log.info("escalation ladder fired {} step(s)", fired);
            }
        } catch (RuntimeException e) {
            log.warn("escalation run failed: {}", e.toString());
        }
    }

    private boolean decide(String warningId, EscalationRule rule) {
        Optional<WarningRecord> locked = warnings.findForUpdate(warningId);
        Optional<EscalationTimer> timer = timers.lock(warningId, rule);
        if (locked.isEmpty() || timer.isEmpty() || timer.get().state() != EscalationTimer.State.PENDING) {
            return false;
        }
        WarningRecord w = locked.get();
        Instant now = clock.instant();
        List<DisposalEvent> events = timeline.of(warningId);
        WarningState then = stateAt(events, timer.get().checkAt());
        if (then == null || !rule.lateIn(then)) {
            timers.decide(warningId, rule, EscalationTimer.State.MOOT, now, null);
            return false;
        }
        DisposalEvent step = new DisposalEvent(UUID.randomUUID().toString(), warningId, w.uscc(),
                w.regionCode().value(), w.colour(), rule.action(), w.state(), w.state(), WarningCase.SYSTEM, "SYSTEM",
                rule.label() + " (" + rule + ", 时限 " + timer.get().checkAt() + ")", now, null, rule.targetTier(w));
        if (!timers.decide(warningId, rule, EscalationTimer.State.FIRED, now, step.eventId())) {
            return false;
        }
        timeline.append(step);
        outbox.enqueue(step);
        log.info("warning {} ({} {}): {} → {}", warningId, w.colour(), w.uscc(), rule, step.targetTier());
        return true;
    }

    /** The state the timeline says the warning was in at {@code at} (the last event at or before it), or null. */
    static WarningState stateAt(List<DisposalEvent> events, Instant at) {
        WarningState state = null;
        for (DisposalEvent e : events) {
            if (!e.at().isAfter(at)) {
                state = e.toState();
            }
        }
        return state;
    }
}
