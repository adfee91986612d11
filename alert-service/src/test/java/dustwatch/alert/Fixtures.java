package dustwatch.alert;

import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.warning.Warning;

import java.time.Instant;
import java.util.List;

/** Domain fixtures: a wood-furniture plant in Huangshi town, an Al/Mg polishing shop in Xindu, a district-level mill. */
public final class Fixtures {
    /** 黄石镇 wood-furniture plant with three dry bag collectors. */
    public static final String HUANGSHI_FURNITURE = uscc("91350304MA2XY1234");
    /** 新度镇 aluminium/magnesium polishing shop with a wet collector. */
    public static final String XINDU_POLISHING = uscc("91350304MA31K5678");
    /** A flour mill registered directly under Licheng district (no town). */
    public static final String LICHENG_MILL = uscc("91350304MA4QR9012");

    public static final String HUANGSHI = "350304101";
    public static final String XINDU = "350304102";
    public static final String LICHENG = "350304";
    public static final String PUTIAN = "350300";
    public static final String FUJIAN = "350000";

    private Fixtures() {
    }

    public static String uscc(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    /** A warning of the Huangshi furniture plant. */
    public static Warning huangshiWarning(String warningId, Colour colour) {
        return warning(warningId, HUANGSHI_FURNITURE, "莆田市荔城区黄石家具厂", HUANGSHI, colour);
    }

    public static Warning warning(String warningId, String uscc, String name, String region, Colour colour) {
        return new Warning(warningId, uscc, name, region, colour, Instant.now(),
                "hopper temperature of DC001 above 70 °C for 10 min", null, List.of(), null, "risk-2026.1");
    }
}
