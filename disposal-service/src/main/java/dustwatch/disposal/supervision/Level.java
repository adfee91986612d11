package dustwatch.disposal.supervision;

/** The unit metrics are grouped by: an enterprise, or the town, district or city its region code lies in. */
public enum Level {
    ENTERPRISE, TOWN, DISTRICT, CITY;

    /** The unit key of an enterprise: its USCC, or its region code cut to this level (city: 4 digits + "00"). */
    public String unitOf(String uscc, String regionCode) {
        return switch (this) {
            case ENTERPRISE -> uscc;
            case TOWN -> regionCode;
            case DISTRICT -> regionCode.substring(0, 6);
            case CITY -> regionCode.substring(0, 4) + "00";
        };
    }
}
