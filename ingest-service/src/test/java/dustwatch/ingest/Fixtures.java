package dustwatch.ingest;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;

import java.time.Instant;
import java.util.List;

/** Domain fixtures: a wood-furniture plant in Huangshi town and an Al/Mg polishing shop in Xindu town (Licheng, Putian). */
public final class Fixtures {
    /** 黄石金榕木艺有限公司, Huangshi town 350304101, three dry bag collectors. */
    public static final String HUANGSHI_WOOD = "91350304MA2YJ8WC3" + Uscc.checkCharacter("91350304MA2YJ8WC3");
    /** 新度精工铝制品有限公司, Xindu town 350304102, one wet collector. */
    public static final String XINDU_ALMG = "91350304MA31H7NK5" + Uscc.checkCharacter("91350304MA31H7NK5");

    public static final Actor PUTIAN_NODE = new Actor("putian-node", Actor.Kind.CITY_NODE, RegionCode.of("350300"), null);
    public static final Actor FUZHOU_NODE = new Actor("fuzhou-node", Actor.Kind.CITY_NODE, RegionCode.of("350100"), null);

    private Fixtures() {
    }

    public static EnterpriseProfile huangshiWoodPlant() {
        return new EnterpriseProfile(HUANGSHI_WOOD, "黄石金榕木艺有限公司", "350304101", DustType.WOOD, 42, true,
                List.of(new DustCollector(HUANGSHI_WOOD + "-DC001", CollectorType.DRY_BAG, true),
                        new DustCollector(HUANGSHI_WOOD + "-DC002", CollectorType.DRY_BAG, false),
                        new DustCollector(HUANGSHI_WOOD + "-DC003", CollectorType.DRY_BAG, false)),
                Instant.parse("2026-11-01T00:00:00Z"));
    }
}
