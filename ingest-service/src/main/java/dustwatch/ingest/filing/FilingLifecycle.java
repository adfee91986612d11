package dustwatch.ingest.filing;

import dustwatch.contracts.filing.FilingStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a filing (报备流程), an explicit state machine:
 * <pre>
 *   SUBMITTED ──approve──▶ APPROVED ──end──▶ ENDED
 *       │ reject ─▶ REJECTED     │
 *       │ withdraw ─▶ WITHDRAWN  └─(planned end passes)─▶ EXPIRED
 *       └─(planned end passes)─▶ EXPIRED
 * </pre>
 * EXPIRED is never stored: a SUBMITTED or APPROVED filing whose planned end has passed is shown EXPIRED, and no
 * transition leaves it.
 */
public final class FilingLifecycle {
    /** What may happen to a filing, and who does it. */
    public enum Transition {
        /** 审批通过: a town or district regulator covering the enterprise. */
        APPROVE(FilingStatus.APPROVED),
        /** 驳回: a town or district regulator covering the enterprise, with a remark. */
        REJECT(FilingStatus.REJECTED),
        /** 撤回: the enterprise, before a decision. */
        WITHDRAW(FilingStatus.WITHDRAWN),
        /** 提前结束: the enterprise, while approved and before the planned end. */
        END(FilingStatus.ENDED);

        private final FilingStatus target;

        Transition(FilingStatus target) {
            this.target = target;
        }

        public FilingStatus target() {
            return target;
        }
    }

    private static final Map<FilingStatus, Set<Transition>> ALLOWED = Map.of(
            FilingStatus.SUBMITTED, Set.of(Transition.APPROVE, Transition.REJECT, Transition.WITHDRAW),
            FilingStatus.APPROVED, Set.of(Transition.END));

    private FilingLifecycle() {
    }

    /** The state shown at {@code now}: a SUBMITTED or APPROVED filing past its planned end is EXPIRED. */
    public static FilingStatus shown(FilingStatus stored, Instant plannedEnd, Instant now) {
        boolean open = stored == FilingStatus.SUBMITTED || stored == FilingStatus.APPROVED;
        return open && !now.isBefore(plannedEnd) ? FilingStatus.EXPIRED : stored;
    }

    /** True when {@code transition} may leave {@code shown}. */
    public static boolean allows(FilingStatus shown, Transition transition) {
        return ALLOWED.getOrDefault(shown, Set.of()).contains(transition);
    }
}
