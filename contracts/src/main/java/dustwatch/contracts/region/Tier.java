package dustwatch.contracts.region;

/**
 * A government tier (层级), ordered from the top. Source: architecture "Tiers and scope".
 */
public enum Tier {
    /** 省 */
    PROVINCE,
    /** 市 */
    CITY,
    /** 区/县 */
    DISTRICT,
    /** 乡镇/街道 (or industrial park) */
    TOWN,
    /** 企业: not a government tier, but the lowest level a warning is routed to. */
    ENTERPRISE;

    /** True when this tier is the same as or above {@code other} (PROVINCE is above CITY). */
    public boolean atOrAbove(Tier other) {
        return ordinal() <= other.ordinal();
    }
}
