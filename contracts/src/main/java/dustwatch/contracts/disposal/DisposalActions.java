package dustwatch.contracts.disposal;

/**
 * The values of {@link DisposalEvent#action()} on {@code dust.disposal-events}. Lifecycle steps of a warning
 * carry its states; escalation steps (升级督办) and alarm SLA breaches are announced on the same topic so that
 * the alert service routes them and the risk engine counts them.
 */
public final class DisposalActions {
    // lifecycle of a warning (预警处置), fromState/toState set
    public static final String ISSUE = "ISSUE";
    public static final String SIGN_IN = "SIGN_IN";
    public static final String FEEDBACK = "FEEDBACK";
    public static final String CLEAR = "CLEAR";
    public static final String REJECT = "REJECT";
    public static final String SUPERSEDE = "SUPERSEDE";

    // escalation ladder (domain reference §4.5): warningId set, fromState = toState = the state it was in,
    // targetTier = the tier that must act
    /** 督办: sign-in, feedback or verification deadline passed; notice to the next tier up. */
    public static final String SUPERVISION_NOTICE = "SUPERVISION_NOTICE";
    /** 现场督办: clear deadline passed; on-site supervision by the supervising tier. */
    public static final String ONSITE_SUPERVISION = "ONSITE_SUPERVISION";
    /** 执法: still not cleared long after the clear deadline; enterprise put on the enforcement list with an evidence pack. */
    public static final String ENFORCEMENT_LISTED = "ENFORCEMENT_LISTED";
    /** 警示通报: an overdue warning listed in the monthly warning circular (at the start of the next month). */
    public static final String CIRCULAR_LISTED = "CIRCULAR_LISTED";

    // alarm handling (报警处置): warningId, colour and states null, alarmId set
    /**
     * An alarm was not signed in or not given feedback within its SLA (note names which); the risk engine
     * counts these per enterprise (reference §3.2, +10 each, cap 20) until a matching {@link #ALARM_OVERDUE_RESOLVED}.
     */
    public static final String ALARM_OVERDUE = "ALARM_OVERDUE";
    /** An alarm that was announced {@link #ALARM_OVERDUE} got its feedback (closed) at last. */
    public static final String ALARM_OVERDUE_RESOLVED = "ALARM_OVERDUE_RESOLVED";

    private DisposalActions() {
    }
}
