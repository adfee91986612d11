package dustwatch.risk;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.warning.Warning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Domain fixtures: a wood-furniture plant in Huangshi town and an Al/Mg polishing shop in Xindu. */
public final class Fixtures {
    /** 黄石金榕木艺: wood dust, 45 workers, 3 dry bag collectors outdoors, sanding. I = 20 + 20 + 9 + 8 = 57 (B). */
    public static final String WOOD_PLANT = usccOf("91350304MA2XY0123");
    /** 新度精工铝制品: Al/Mg dust, 12 workers, 1 wet collector, polishing. I = 35 + 12 + 2 + 8 = 57 (B). */
    public static final String ALMG_SHOP = usccOf("91350304MA8ALMG01");
    public static final String HUANGSHI = "350304101";
    public static final String XINDU = "350304102";
    public static final Instant SHIFT_START = Instant.parse("2026-05-01T02:00:00Z");

    private Fixtures() {
    }

    public static String usccOf(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    public static EnterpriseProfile woodPlant() {
        return new EnterpriseProfile(WOOD_PLANT, "黄石金榕木艺有限公司", HUANGSHI, DustType.WOOD, 45, true, List.of(
                new DustCollector(WOOD_PLANT + "-DC001", CollectorType.DRY_BAG, false),
                new DustCollector(WOOD_PLANT + "-DC002", CollectorType.DRY_BAG, false),
                new DustCollector(WOOD_PLANT + "-DC003", CollectorType.DRY_BAG, false)), SHIFT_START);
    }

    public static EnterpriseProfile alMgShop() {
        return new EnterpriseProfile(ALMG_SHOP, "莆田新度精工铝制品有限公司", XINDU, DustType.AL_MG, 12, true, List.of(
                new DustCollector(ALMG_SHOP + "-DC001", CollectorType.WET, true)), SHIFT_START);
    }

    /** A point of collector DC001 of {@code uscc}, e.g. {@code …-DC001-DRY_HOPPER_TEMP-1}. */
    public static String point(String uscc, ParameterCode param) {
        return param == ParameterCode.FAN_RUN ? uscc + "-DC001-FAN_RUN" : uscc + "-DC001-" + param.name() + "-1";
    }

    public static Reading good(String uscc, ParameterCode param, double value, Instant at) {
        return new Reading(point(uscc, param), param, value, 0, at);
    }

    public static Reading withQuality(String uscc, ParameterCode param, double value, int quality, Instant at) {
        return new Reading(point(uscc, param), param, value, quality, at);
    }

    public static ReadingBatch batch(String uscc, String region, Instant at, Reading... readings) {
        return batch(UUID.randomUUID().toString(), uscc, region, at, readings);
    }

    public static ReadingBatch batch(String eventId, String uscc, String region, Instant at, Reading... readings) {
        return new ReadingBatch(eventId, uscc, region, uscc + "-GW01", at, false, true, at, List.of(readings));
    }

    public static DisposalEvent disposal(Warning warning, WarningState from, WarningState to, Instant at) {
        return new DisposalEvent(UUID.randomUUID().toString(), warning.warningId(), warning.uscc(), warning.regionCode(),
                warning.colour(), to == WarningState.CLEARED ? "CLEAR" : "SUPERSEDE", from, to, "huangshi-duty", "TOWN",
                "隐患已排除", at);
    }
}
