package dustwatch.disposal.alarm;

import java.time.Instant;

/**
 * One entry of an alarm case's append-only record.
 *
 * @param action OPEN, SIGN_IN, RECOVER, FEEDBACK, SIGN_IN_OVERDUE or FEEDBACK_OVERDUE
 * @param from   state before, null for OPEN
 * @param to     state after
 * @param actor  username, or {@code system}
 * @param note   e.g. the feedback summary
 * @param at     when
 */
public record AlarmStep(String action, AlarmState from, AlarmState to, String actor, String note, Instant at) {
}
