package dustwatch.disposal.escalation;

import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.Tier;
import dustwatch.disposal.warning.WarningRecord;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;

import static dustwatch.contracts.disposal.WarningState.FEEDBACK_SUBMITTED;
import static dustwatch.contracts.disposal.WarningState.ISSUED;
import static dustwatch.contracts.disposal.WarningState.SIGNED_IN;

/**
 * The rungs of the escalation ladder (domain reference §4.5). Each rule has a check instant (a deadline of
 * the warning) and the states in which the warning counts as late then; it fires at its due instant (the
 * check instant, or the start of the next month for the circular) if the warning was in such a state at the
 * check instant, else it is dropped. Target tiers: the notice and on-site supervision go to the tier above
 * the colour's verifying tier, the enforcement list to the district (执法 is a district power), the circular
 * to the city.
 */
public enum EscalationRule {
    /** 签收超时 → 督办 notice. */
    SIGN_IN_OVERDUE(DisposalActions.SUPERVISION_NOTICE, EnumSet.of(ISSUED), "签收超时，督办"),
    /** 反馈超时 → 督办 notice. */
    FEEDBACK_OVERDUE(DisposalActions.SUPERVISION_NOTICE, EnumSet.of(ISSUED, SIGNED_IN), "反馈超时，督办"),
    /** 核查超时 (the regulator did not review submitted feedback) → 督办 notice to the tier above the verifier. */
    VERIFY_OVERDUE(DisposalActions.SUPERVISION_NOTICE, EnumSet.of(FEEDBACK_SUBMITTED), "核查超时，督办"),
    /** 超期未消警 → 现场督办. */
    CLEAR_OVERDUE(DisposalActions.ONSITE_SUPERVISION, EnumSet.of(ISSUED, SIGNED_IN, FEEDBACK_SUBMITTED), "超期未消警，现场督办"),
    /** still open {@code enforcement-after} past the clear deadline → 执法 list with evidence pack. */
    ENFORCEMENT(DisposalActions.ENFORCEMENT_LISTED, EnumSet.of(ISSUED, SIGNED_IN, FEEDBACK_SUBMITTED), "严重超期，列入执法检查名单"),
    /** overdue at its clear deadline → listed in the next monthly circular (警示通报). */
    CIRCULAR(DisposalActions.CIRCULAR_LISTED, EnumSet.of(ISSUED, SIGNED_IN, FEEDBACK_SUBMITTED), "超期未消警，列入月度警示通报");

    private final String action;
    private final Set<WarningState> late;
    private final String label;

    EscalationRule(String action, Set<WarningState> late, String label) {
        this.action = action;
        this.late = late;
        this.label = label;
    }

    /** The {@link DisposalActions} value of the step. */
    public String action() {
        return action;
    }

    /** The Chinese sentence written as the step's note. */
    public String label() {
        return label;
    }

    /** True when a warning in {@code state} at the check instant is late for this rule. */
    public boolean lateIn(WarningState state) {
        return late.contains(state);
    }

    /** The instant whose state decides. */
    public Instant checkAt(WarningRecord w, EscalationProperties p) {
        return switch (this) {
            case SIGN_IN_OVERDUE -> w.deadlines().signIn();
            case FEEDBACK_OVERDUE -> w.deadlines().feedback();
            case VERIFY_OVERDUE -> w.deadlines().verify();
            case CLEAR_OVERDUE, CIRCULAR -> w.deadlines().clear();
            case ENFORCEMENT -> w.deadlines().clear().plus(p.enforcementAfter());
        };
    }

    /** When the step fires (if late): the check instant, for the circular the first instant of the next month. */
    public Instant dueAt(WarningRecord w, EscalationProperties p) {
        Instant check = checkAt(w, p);
        if (this != CIRCULAR) {
            return check;
        }
        return YearMonth.from(check.atZone(p.circularZone())).plusMonths(1).atDay(1)
                .atStartOfDay(p.circularZone()).toInstant();
    }

    /** The tier that must act on the step. */
    public Tier targetTier(WarningRecord w) {
        return switch (this) {
            case ENFORCEMENT -> w.verifyingTier().atOrAbove(Tier.DISTRICT) ? w.verifyingTier() : Tier.DISTRICT;
            case CIRCULAR -> Tier.CITY;
            default -> above(w.verifyingTier());
        };
    }

    static Tier above(Tier tier) {
        return tier == Tier.PROVINCE ? Tier.PROVINCE : Tier.values()[tier.ordinal() - 1];
    }
}
