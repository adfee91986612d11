package dustwatch.risk;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.contracts.reading.Heartbeat;
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
import java.time.LocalTime;
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

    public static Heartbeat heartbeat(String uscc, Instant at) {
        return new Heartbeat(UUID.randomUUID().toString(), uscc, uscc + "-GW01", at, "2.1.0", 0, true);
    }

    /** A late or store-and-forward batch. */
    public static ReadingBatch resend(String uscc, String region, Instant collected, Instant received, Reading... readings) {
        return new ReadingBatch(UUID.randomUUID().toString(), uscc, region, uscc + "-GW01", collected, true, true, received,
                List.of(readings));
    }

    /** A NORMAL batch received at {@code received}. */
    public static ReadingBatch received(String uscc, String region, Instant collected, Instant received, Reading... readings) {
        return new ReadingBatch(UUID.randomUUID().toString(), uscc, region, uscc + "-GW01", collected, false, true, received,
                List.of(readings));
    }

    /** An approved filing of the whole enterprise. */
    public static Filing approvedFiling(String uscc, String region, FilingKind kind, Instant start, Instant end) {
        return new Filing("f-" + UUID.randomUUID(), uscc, region, kind, null, start, end, "设备检修停产",
                FilingStatus.APPROVED, "huangshi-duty", "TOWN", "API", start);
    }

    /** Day shift 08:00–20:00 and night shift 20:00–08:00 China time; one per-shift area; registered at 22:00 the evening before SHIFT_START (10:00), so only the night shift is due. */
    public static CleaningPlan shiftPlan(String uscc, String region) {
        return new CleaningPlan(uscc, region,
                List.of(new CleaningPlan.Area("SANDING-FLOOR", "砂光车间地面", CleaningFrequency.PER_SHIFT)),
                List.of(new CleaningPlan.Shift("白班", LocalTime.of(8, 0), LocalTime.of(20, 0)),
                        new CleaningPlan.Shift("夜班", LocalTime.of(20, 0), LocalTime.of(8, 0))),
                SHIFT_START.minus(java.time.Duration.ofHours(12)));
    }

    public static CleaningCheckIn checkIn(String uscc, String region, String area, Instant at, String photoHash) {
        return new CleaningCheckIn("c-" + UUID.randomUUID(), uscc, region, area, "VACUUM", List.of(photoHash), "林师傅",
                25.43, 119.01, at, "APP");
    }

    public static DisposalEvent disposal(Warning warning, WarningState from, WarningState to, Instant at) {
        return new DisposalEvent(UUID.randomUUID().toString(), warning.warningId(), warning.uscc(), warning.regionCode(),
                warning.colour(), to == WarningState.CLEARED ? "CLEAR" : "SUPERSEDE", from, to, "huangshi-duty", "TOWN",
                "隐患已排除", at);
    }
}
