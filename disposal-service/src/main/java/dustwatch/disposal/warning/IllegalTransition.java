package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.WarningState;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A lifecycle step asked of a warning in a state that does not allow it (answered 409). The message names
 * the current state and the state(s) the step needs, e.g. "cannot clear warning W-1: it is SIGNED_IN,
 * clear needs FEEDBACK_SUBMITTED".
 */
public final class IllegalTransition extends RuntimeException {
    private final String action;
    private final WarningState current;
    private final Set<WarningState> required;

    public IllegalTransition(String warningId, String action, WarningState current, Set<WarningState> required) {
        super("cannot " + action + " warning " + warningId + ": it is " + current + ", " + action + " needs "
                + required.stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")));
        this.action = action;
        this.current = current;
        this.required = Set.copyOf(required);
    }

    /** The refused step, e.g. {@code clear}. */
    public String action() {
        return action;
    }

    /** The state the warning is in. */
    public WarningState current() {
        return current;
    }

    /** The states the step would have needed. */
    public Set<WarningState> required() {
        return required;
    }
}
