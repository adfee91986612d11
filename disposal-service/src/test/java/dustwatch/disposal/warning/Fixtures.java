package dustwatch.disposal.warning;

import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.warning.Warning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Domain fixtures: a wood-furniture plant in Huangshi town, an Al/Mg polishing shop in Xindu, their regulators. */
public final class Fixtures {
    /** 黄石镇 (Huangshi town), Licheng district, Putian. */
    public static final String HUANGSHI = "350304101";
    /** 新度镇 (Xindu town), Licheng district. */
    public static final String XINDU = "350304102";
    /** 荔城区 (Licheng district). */
    public static final String LICHENG = "350304";
    /** 莆田市 (Putian city). */
    public static final String PUTIAN = "350300";

    /** A wood-furniture plant in Huangshi with three dry bag collectors. */
    public static final String HUANGSHI_PLANT = usccOf("91350304MA31HUANG");
    public static final String HUANGSHI_PLANT_NAME = "莆田黄石红木家具有限公司";
    /** An Al/Mg polishing shop in Xindu with a wet collector. */
    public static final String XINDU_SHOP = usccOf("91350304MA32XDALM");

    public static final Actor PLANT_USER = new Actor("huangshi-plant-safety", Actor.Kind.ENTERPRISE,
            RegionCode.of(HUANGSHI), HUANGSHI_PLANT);
    public static final Actor SHOP_USER = new Actor("xindu-shop-safety", Actor.Kind.ENTERPRISE,
            RegionCode.of(XINDU), XINDU_SHOP);
    public static final Actor HUANGSHI_DUTY = new Actor("huangshi-duty", Actor.Kind.REGULATOR, RegionCode.of(HUANGSHI), null);
    public static final Actor XINDU_DUTY = new Actor("xindu-duty", Actor.Kind.REGULATOR, RegionCode.of(XINDU), null);
    public static final Actor LICHENG_DUTY = new Actor("licheng-duty", Actor.Kind.REGULATOR, RegionCode.of(LICHENG), null);

    private Fixtures() {
    }

    static String usccOf(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    /** The defaults of application.yml (domain reference §4.3, §4.4). */
    public static DisposalProperties defaultProperties() {
        return new DisposalProperties("disposal-limits-test",
                Map.of(Colour.BLUE, Tier.TOWN, Colour.YELLOW, Tier.TOWN, Colour.ORANGE, Tier.DISTRICT,
                        Colour.RED, Tier.DISTRICT),
                Map.of(Colour.RED, limit(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24)),
                        Colour.ORANGE, limit(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(48)),
                        Colour.YELLOW, limit(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(72)),
                        Colour.BLUE, limit(Duration.ofHours(2), Duration.ofHours(24), Duration.ofDays(7))));
    }

    private static DisposalProperties.TimeLimit limit(Duration signIn, Duration feedback, Duration clear) {
        return new DisposalProperties.TimeLimit(signIn, feedback, clear);
    }

    /** A warning of the Huangshi plant: its dry bag collectors' differential pressure out of band. */
    public static Warning plantWarning(Colour colour, Instant issuedAt, String supersedes) {
        return new Warning("W-" + UUID.randomUUID(), HUANGSHI_PLANT, HUANGSHI_PLANT_NAME, HUANGSHI, colour, issuedAt,
                "bag collector BC-01 differential pressure above 1800 Pa for 20 min", null, List.of(), supersedes,
                "risk-model-test");
    }
}
