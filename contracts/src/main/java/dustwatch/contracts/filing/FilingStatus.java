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
    REVOKED
}
