package dustwatch.disposal.escalation;

import java.time.Instant;

/**
 * One persisted timer: rule {@code rule} of warning {@code warningId}.
 *
 * @param state     PENDING until a run decides it, then FIRED (the step was taken) or MOOT (the warning was on time)
 * @param decidedAt when a run decided it, null while pending
 * @param eventId   the disposal event of a fired step
 */
public record EscalationTimer(String warningId, EscalationRule rule, Instant checkAt, Instant dueAt, State state,
                              Instant decidedAt, String eventId) {
    /** Timer states; PENDING → FIRED | MOOT exactly once (compare-and-set). */
    public enum State { PENDING, FIRED, MOOT }
}
