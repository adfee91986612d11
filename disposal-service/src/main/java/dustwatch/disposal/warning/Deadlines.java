package dustwatch.disposal.warning;

import java.time.Instant;

/**
 * The deadlines of one warning case, computed once when it is issued and stored with it (domain reference §4.4).
 *
 * @param signIn        the enterprise must sign in (签收) by then
 * @param feedback      the enterprise must give feedback (反馈) by then
 * @param clear         the warning must be cleared (消警) by then; past it an open case is overdue
 * @param configVersion {@code dustwatch.disposal.config-version} of the limits used
 * @param verify        the regulator must have reviewed submitted feedback by then (核查时限)
 */
public record Deadlines(Instant signIn, Instant feedback, Instant clear, String configVersion, Instant verify) {
    public Deadlines {
        verify = verify == null ? clear : verify;
    }

    /** Deadlines whose verification deadline is the clear deadline. */
    public Deadlines(Instant signIn, Instant feedback, Instant clear, String configVersion) {
        this(signIn, feedback, clear, configVersion, null);
    }
}
