package dustwatch.disposal.alarm;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.feedback.Feedback;
import dustwatch.disposal.outbox.Outbox;
import dustwatch.disposal.warning.WarningCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The use cases of alarm handling (报警处置). Each step runs in one transaction that locks the case, stores it and
 * appends to its record. SLA breaches are announced once per alarm and SLA (compare-and-set on the case) as
 * {@link DisposalActions#ALARM_OVERDUE} disposal events through the outbox; closing an announced alarm sends
 * {@link DisposalActions#ALARM_OVERDUE_RESOLVED}.
 */
@Service
public class AlarmService {
    private static final Logger log = LoggerFactory.getLogger(AlarmService.class);

    private final AlarmRepository alarms;
    private final Outbox outbox;
    private final AlarmSla sla;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public AlarmService(AlarmRepository alarms, Outbox outbox, AlarmSla sla, Clock clock,
                        PlatformTransactionManager transactionManager) {
        this.alarms = alarms;
        this.outbox = outbox;
        this.sla = sla;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Opens a case for a START event (idempotent on the alarm id), or marks it recovered for an END event (an END
     * before its START opens the case and recovers it at once).
     *
     * @return true when something changed
     * @throws IllegalArgumentException when the alarm is malformed
     */
    @Transactional
    public boolean receive(Alarm alarm) {
        AlarmCase opened = AlarmCase.open(alarm, sla, clock);
        boolean changed = false;
        if (alarms.insertIfAbsent(opened.record())) {
            alarms.append(alarm.alarmId(), opened.opened());
            changed = true;
        }
        if (alarm.status() == AlarmStatus.END) {
            AlarmCase c = AlarmCase.of(alarms.findForUpdate(alarm.alarmId()).orElseThrow(), clock);
            Optional<AlarmStep> step = c.recover(alarm.endTime());
            if (step.isPresent()) {
                alarms.update(c.record());
                alarms.append(alarm.alarmId(), step.get());
                changed = true;
            }
        }
        return changed;
    }

    /** Cases the actor may see, newest first (enterprise: its own; regulator: under its region). */
    @Transactional(readOnly = true)
    public List<AlarmRecord> list(Actor actor, AlarmState state, int limit) {
        return actor.kind() == Actor.Kind.ENTERPRISE
                ? alarms.list(actor.uscc(), null, state, limit)
                : alarms.list(null, actor.region(), state, limit);
    }

    /** A case with its record. @throws AlarmNotFound outside the actor's scope */
    @Transactional(readOnly = true)
    public AlarmDetail detail(Actor actor, String alarmId) {
        AlarmRecord record = alarms.find(alarmId).filter(a -> visible(actor, a))
                .orElseThrow(() -> new AlarmNotFound(alarmId));
        return new AlarmDetail(record, alarms.steps(alarmId));
    }

    /** 签收, see {@link AlarmCase#signIn}. */
    @Transactional
    public AlarmRecord signIn(Actor actor, String alarmId) {
        AlarmCase c = load(actor, alarmId);
        AlarmStep step = c.signIn(actor);
        alarms.update(c.record());
        alarms.append(alarmId, step);
        return c.record();
    }

    /** 反馈, see {@link AlarmCase#feedback}; an alarm announced overdue is announced resolved. */
    @Transactional
    public AlarmRecord feedback(Actor actor, String alarmId, Cause cause, String measures, List<String> evidence) {
        AlarmCase c = load(actor, alarmId);
        AlarmStep step = c.feedback(actor, new Feedback(cause, measures, evidence, actor.username(), clock.instant()));
        alarms.update(c.record());
        alarms.append(alarmId, step);
        if (c.record().announcedOverdue()) {
            outbox.enqueue(event(c.record(), DisposalActions.ALARM_OVERDUE_RESOLVED, "closed by " + actor.username()));
        }
        return c.record();
    }

    /**
     * Announces every SLA breach due at the clock's now, each once (sign-in and feedback separately).
     *
     * @return the breaches announced by this run
     */
    public int announceBreaches() {
        Instant now = clock.instant();
        List<String> candidates = transactions.execute(status -> alarms.breachCandidates(now, 500));
        int announced = 0;
        for (String alarmId : candidates == null ? List.<String>of() : candidates) {
            try {
                Integer n = transactions.execute(status -> announce(alarmId, now));
                announced += n == null ? 0 : n;
            } catch (RuntimeException e) {
                log.warn("SLA breach of alarm {} not announced, retried next run: {}", alarmId, e.toString());
            }
        }
        return announced;
    }

    void scheduledRun() {
        try {
            int n = announceBreaches();
            if (n > 0) {
                log.info("{} alarm SLA breach(es) announced", n);
            }
        } catch (RuntimeException e) {
            log.warn("alarm SLA run failed: {}", e.toString());
        }
    }

    private int announce(String alarmId, Instant now) {
        AlarmRecord a = alarms.findForUpdate(alarmId).orElse(null);
        if (a == null) {
            return 0;
        }
        int n = 0;
        if (a.signInOverdueAt() == null && !a.signInDue().isAfter(now) && !handledBy(a, a.signInDue(), false)
                && alarms.markOverdue(alarmId, false, now)) {
            alarms.append(alarmId, new AlarmStep("SIGN_IN_OVERDUE", a.state(), a.state(), WarningCase.SYSTEM, null, now));
            outbox.enqueue(event(a, DisposalActions.ALARM_OVERDUE, "SIGN_IN"));
            n++;
        }
        if (a.feedbackOverdueAt() == null && !a.feedbackDue().isAfter(now) && !handledBy(a, a.feedbackDue(), true)
                && alarms.markOverdue(alarmId, true, now)) {
            alarms.append(alarmId, new AlarmStep("FEEDBACK_OVERDUE", a.state(), a.state(), WarningCase.SYSTEM, null, now));
            outbox.enqueue(event(a, DisposalActions.ALARM_OVERDUE, "FEEDBACK"));
            n++;
        }
        return n;
    }

    /** True when the sign-in (or, with {@code feedback}, the feedback) step was taken by {@code due}. */
    static boolean handledBy(AlarmRecord a, Instant due, boolean feedback) {
        Instant closed = a.feedback() == null ? null : a.feedback().at();
        if (closed != null && !closed.isAfter(due)) {
            return true;
        }
        if (feedback) {
            return false;
        }
        return (a.signedInAt() != null && !a.signedInAt().isAfter(due))
                || (a.recoveredAt() != null && !a.recoveredAt().isAfter(due));
    }

    private DisposalEvent event(AlarmRecord a, String action, String note) {
        return new DisposalEvent(UUID.randomUUID().toString(), null, a.uscc(), a.regionCode().value(), null, action,
                null, null, WarningCase.SYSTEM, "SYSTEM", note, clock.instant(), a.alarmId(), null);
    }

    private AlarmCase load(Actor actor, String alarmId) {
        return AlarmCase.of(alarms.findForUpdate(alarmId).filter(a -> visible(actor, a))
                .orElseThrow(() -> new AlarmNotFound(alarmId)), clock);
    }

    private static boolean visible(Actor actor, AlarmRecord a) {
        return actor.canSee(a.uscc(), a.regionCode());
    }
}
