package dustwatch.disposal.escalation;

import dustwatch.contracts.region.RegionCode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where escalation timers are kept. Implemented by {@code persistence.JdbcEscalationTimers}; callers hold a transaction. */
public interface EscalationTimers {

    /** Stores pending timers; existing (warning, rule) pairs are left as they are. */
    void arm(List<EscalationTimer> timers);

    /** Pending timers due at {@code now}, earliest first, at most {@code limit}. */
    List<EscalationTimer> due(Instant now, int limit);

    /** The timer, its row locked until the transaction ends. */
    Optional<EscalationTimer> lock(String warningId, EscalationRule rule);

    /**
     * Compare-and-set PENDING → {@code outcome}.
     *
     * @return false when the timer was no longer pending (another run decided it)
     */
    boolean decide(String warningId, EscalationRule rule, EscalationTimer.State outcome, Instant at, String eventId);

    /** The timers of one warning, by due time. */
    List<EscalationTimer> of(String warningId);

    /**
     * Fired steps of warnings in {@code region}'s scope, newest first.
     *
     * @param action  only this {@code DisposalActions} step (e.g. ENFORCEMENT_LISTED), or null for all
     * @param from    fired at or after (inclusive), or null
     * @param until   fired before (exclusive), or null
     */
    List<FiredStep> fired(RegionCode region, String action, Instant from, Instant until, int limit);

    /**
     * A step taken, with the warning it concerns.
     */
    record FiredStep(String warningId, String uscc, String enterpriseName, String regionCode, String colour,
                     EscalationRule rule, String action, Instant checkAt, Instant firedAt, String eventId) {
    }
}
