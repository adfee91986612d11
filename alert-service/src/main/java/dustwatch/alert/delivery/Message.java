package dustwatch.alert.delivery;

import dustwatch.alert.roster.Contact;
import dustwatch.alert.roster.OnDuty;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.warning.Warning;

/**
 * One message to one person, as a channel sends it.
 *
 * @param deliveryId the delivery it belongs to
 * @param subjectId  warning id (alarm id for ALARM_OVERDUE)
 * @param step       WARNING, REMINDER-n, an escalation step
 * @param unitTier   the recipient unit's tier
 * @param unitCode   the recipient unit (region code or USCC)
 * @param contact    the person
 * @param webhook    the unit's webhook, or null
 * @param warning    the warning itself when this is its first announcement (the console stream carries it), else null
 * @param title      short text (SMS, e-mail subject)
 * @param text       full text
 */
public record Message(long deliveryId, String subjectId, String step, Tier unitTier, String unitCode, Contact contact,
                      OnDuty.Webhook webhook, Warning warning, String title, String text) {
}
