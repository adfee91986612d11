package dustwatch.contracts.risk;

/**
 * A warning colour (预警等级), ordered from the lowest. Domain reference §3.2 step C and the Licheng plan
 * (红、橙、黄、蓝 = 重大、较大、一般、低风险).
 */
public enum Colour {
    /** 蓝色预警, 低风险: the enterprise disposes. */
    BLUE,
    /** 黄色预警, 一般风险: the town/street verifies. */
    YELLOW,
    /** 橙色预警, 较大风险: the district verifies. */
    ORANGE,
    /** 红色预警, 重大风险: the district verifies on site; city and province informed. */
    RED;

    public boolean higherThan(Colour other) {
        return other == null || ordinal() > other.ordinal();
    }
}
