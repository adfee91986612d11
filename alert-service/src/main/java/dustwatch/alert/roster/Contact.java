package dustwatch.alert.roster;

/**
 * A person to be told (值班人员 or the unit's default contact).
 *
 * @param staffId the staff id in the unit's roster, {@code default} for the default contact
 * @param name    the person's name
 * @param phone   mobile number for SMS, or null
 * @param email   e-mail address, or null
 */
public record Contact(String staffId, String name, String phone, String email) {
    public static final String DEFAULT = "default";
}
