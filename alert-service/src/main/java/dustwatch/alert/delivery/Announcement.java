package dustwatch.alert.delivery;

import dustwatch.alert.routing.EventKind;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.warning.Warning;

/**
 * Something to tell people about: a warning, a reminder of it, an escalation step, an overdue alarm.
 *
 * @param subjectId  warning id, or the alarm id for ALARM_OVERDUE
 * @param step       WARNING, REMINDER-n, the escalation action, ALARM_OVERDUE…
 * @param colour     the colour, or {@code ANY}
 * @param targetTier the tier that must act on an escalation step, else null
 * @param warning    the warning on its first announcement, else null
 * @param summary    one line for people (the warning's reason, the step's note)
 */
public record Announcement(EventKind kind, String subjectId, String step, String colour, String uscc,
                           String enterpriseName, String regionCode, Tier targetTier, Warning warning, String summary) {
}
