package dustwatch.alert.roster;

import java.util.List;

/**
 * Who of a unit is on duty at an instant.
 *
 * @param unitCode the unit
 * @param unitName its name, or the code when the unit has no roster
 * @param contacts the staff on duty (substitutes in place of those they cover), or the default contact
 * @param gap      true when no shift covered the instant (值班空档) and the default contact stands in
 * @param webhook  the unit's webhook, or null
 */
public record OnDuty(String unitCode, String unitName, List<Contact> contacts, boolean gap, Webhook webhook) {
    /** A unit's signed webhook: URL and HMAC-SHA256 secret. */
    public record Webhook(String url, String secret) {
    }

    public OnDuty {
        contacts = List.copyOf(contacts);
    }
}
