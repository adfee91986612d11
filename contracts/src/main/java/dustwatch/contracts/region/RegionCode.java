package dustwatch.contracts.region;

/**
 * An administrative division code (行政区划代码): 6 digits after GB/T 2260 for province (350000), city
 * (350300) and district (350304), 9 digits for a town or street (350304101). Domain reference §2.3.
 *
 * @param value the digits, e.g. {@code "350304101"}
 */
public record RegionCode(String value) {

    /** @throws IllegalArgumentException when {@code value} is not 6 or 9 digits, or a 6-digit code ends oddly (e.g. 350004). */
    public RegionCode {
        if (value == null || !value.matches("\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("region code must be 6 or 9 digits, got " + value);
        }
        if (value.length() == 6 && value.substring(2, 4).equals("00") && !value.endsWith("0000")) {
            throw new IllegalArgumentException("region code " + value + " is neither a province, a city nor a district");
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    /** The tier this code names: 9 digits → TOWN, xx0000 → PROVINCE, xxxx00 → CITY, else DISTRICT. */
    public Tier tier() {
        if (value.length() == 9) {
            return Tier.TOWN;
        }
        if (value.endsWith("0000")) {
            return Tier.PROVINCE;
        }
        return value.endsWith("00") ? Tier.CITY : Tier.DISTRICT;
    }

    /** The significant prefix: 2 digits for a province, 4 for a city, 6 for a district, 9 for a town. */
    private String prefix() {
        return switch (tier()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case DISTRICT -> value.substring(0, 6);
            default -> value;
        };
    }

    /** True when {@code other} lies in this region (a region covers itself). */
    public boolean covers(RegionCode other) {
        return other.value.startsWith(prefix()) && other.tier().ordinal() >= tier().ordinal();
    }

    /**
     * The enclosing region of the given tier: the district of a town, the city of a district, and so on.
     *
     * @throws IllegalArgumentException when {@code tier} is below this code's own tier, or ENTERPRISE
     */
    public RegionCode ancestor(Tier tier) {
        if (tier == Tier.ENTERPRISE || tier.ordinal() > tier().ordinal()) {
            throw new IllegalArgumentException(value + " (" + tier() + ") has no enclosing " + tier);
        }
        return switch (tier) {
            case PROVINCE -> new RegionCode(value.substring(0, 2) + "0000");
            case CITY -> new RegionCode(value.substring(0, 4) + "00");
            case DISTRICT -> new RegionCode(value.substring(0, 6));
            default -> this;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
