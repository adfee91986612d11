package dustwatch.contracts.disposal;

/**
 * States of a warning's closed loop (闭环). Domain reference §4.2:
 * ISSUED → SIGNED_IN (签收) → FEEDBACK_SUBMITTED (反馈) → CLEARED (消警); a rejected feedback (驳回) returns the
 * warning to SIGNED_IN; SUPERSEDED when a higher colour replaces it.
 */
public enum WarningState {
    ISSUED, SIGNED_IN, FEEDBACK_SUBMITTED, CLEARED, SUPERSEDED;

    /** True once nothing more can happen to the warning. */
    public boolean closed() {
        return this == CLEARED || this == SUPERSEDED;
    }
}
