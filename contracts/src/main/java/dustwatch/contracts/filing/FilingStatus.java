package dustwatch.contracts.filing;

/** Where a filing (报备) stands: only an APPROVED filing suppresses offline and hazard alarms. */
public enum FilingStatus {
    /** Submitted, waiting for the town or district. */
    SUBMITTED,
    /** Approved (审批通过). */
    APPROVED,
    /** Rejected by the approver. */
    REJECTED,
    /** Withdrawn by the enterprise or revoked by the approver before its end. */
    REVOKED,
    /** Withdrawn by the enterprise before any decision (撤回). */
    WITHDRAWN,
    /** Ended early by the enterprise (提前结束): it suppresses nothing from then on. */
    ENDED,
    /** Past its planned end without an earlier end (已过期): shown on read, never published (the window says it). */
    EXPIRED
}
