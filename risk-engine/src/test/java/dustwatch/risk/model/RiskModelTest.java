package dustwatch.risk.model;

import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.risk.Fixtures;
import dustwatch.risk.ShippedConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring of domain reference §3.2 with the default weights. */
class RiskModelTest {
    private static final Instant NOW = Instant.parse("2026-05-01T06:00:00Z");
    private final RiskModel model = new RiskModel(ShippedConfig.model());

    @Test
    void theWoodPlantOfTheWorkedExampleScores57LevelB() {
        RiskModel.InherentRisk i = model.inherent(Fixtures.woodPlant());
        assertThat(i.score()).isEqualTo(57.0);
        assertThat(i.level()).isEqualTo(InherentLevel.B);
        assertThat(i.factors().stream().mapToDouble(RiskFactor::points).sum()).isEqualTo(57.0);
        assertThat(i.factors()).extracting(RiskFactor::detail).contains("木质粉尘 20", "涉粉作业人数 45 人 20");
    }

    @Test
    void workerBandsFollowTheHeadCount() {
        assertThat(workersPoints(100)).isEqualTo(25.0);
        assertThat(workersPoints(99)).isEqualTo(20.0);
        assertThat(workersPoints(30)).isEqualTo(20.0);
        assertThat(workersPoints(29)).isEqualTo(12.0);
        assertThat(workersPoints(10)).isEqualTo(12.0);
        assertThat(workersPoints(9)).isEqualTo(5.0);
    }

    @Test
    void collectorAndIndoorBlocksAreCappedAt15() {
        List<DustCollector> collectors = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            collectors.add(new DustCollector("X-DC00" + n, CollectorType.DRY_CARTRIDGE, true));
        }
        EnterpriseProfile big = new EnterpriseProfile(Fixtures.ALMG_SHOP, "大型铝镁抛光厂", Fixtures.XINDU,
                DustType.AL_MG, 150, true, collectors, NOW);
        RiskModel.InherentRisk i = model.inherent(big);
        assertThat(points(i.factors(), "COLLECTORS")).isEqualTo(15.0); // 7 × 3 = 21 → 15
        assertThat(points(i.factors(), "DRY_COLLECTOR_INDOORS")).isEqualTo(15.0); // 7 × 3 = 21 → 15
        assertThat(i.score()).isEqualTo(35 + 25 + 15 + 8 + 15);
        assertThat(i.level()).isEqualTo(InherentLevel.A);
    }

    @Test
    void wetCollectorsWeighTwoAndOtherDustTen() {
        EnterpriseProfile small = new EnterpriseProfile(Fixtures.WOOD_PLANT, "小型饲料厂", Fixtures.HUANGSHI, DustType.OTHER,
                5, false, List.of(new DustCollector("X-DC001", CollectorType.WET, true)), NOW);
        RiskModel.InherentRisk i = model.inherent(small);
        assertThat(i.score()).isEqualTo(10 + 5 + 2);
        assertThat(i.level()).isEqualTo(InherentLevel.D);
    }

    @Test
    void aMajorAlarmWeighs20AndMoreTheLongerItLasts() {
        assertThat(model.dynamic(List.of(major(Duration.ofMinutes(1))), NOW).score()).isEqualTo(20.0);
        assertThat(model.dynamic(List.of(major(Duration.ofMinutes(29))), NOW).score()).isEqualTo(20.0);
        assertThat(model.dynamic(List.of(major(Duration.ofMinutes(30))), NOW).score()).isEqualTo(25.0);
        assertThat(model.dynamic(List.of(major(Duration.ofMinutes(119))), NOW).score()).isEqualTo(25.0);
        RiskModel.DynamicRisk twoHours = model.dynamic(List.of(major(Duration.ofMinutes(120))), NOW);
        assertThat(twoHours.score()).isEqualTo(30.0);
        assertThat(twoHours.band()).isEqualTo(DynamicBand.M);
        assertThat(twoHours.factors().getFirst().detail()).contains("×1.50", "120 min");
    }

    @Test
    void theAlarmBlockIsCappedAt60() {
        RiskModel.DynamicRisk d = model.dynamic(List.of(critical(Duration.ofMinutes(5)), critical(Duration.ofMinutes(5))), NOW);
        assertThat(d.score()).isEqualTo(60.0);
        assertThat(d.band()).isEqualTo(DynamicBand.H);
        assertThat(d.factors().stream().mapToDouble(RiskFactor::points).sum()).isEqualTo(60.0);
        assertThat(points(d.factors(), "ALARM_BLOCK_CAP")).isEqualTo(-20.0);
    }

    @Test
    void dIsCappedByItsOwnCapWhenTheBlockCapIsRaised() {
        RiskModelProperties d = ShippedConfig.model();
        AlarmBlockFactor.Weights a = d.factors().alarms();
        RiskModelProperties.Factors loose = new RiskModelProperties.Factors(new AlarmBlockFactor.Weights(
                a.criticalPoints(), a.majorPoints(), a.minorPoints(), a.durationMultipliers(), 500), d.factors().repeats(),
                d.factors().offline(), d.factors().cleaning(), d.factors().filingMismatch(),
                d.factors().unhandledAlarms());
        RiskModel generous = new RiskModel(new RiskModelProperties("test", d.inherent(), d.dynamic(), loose,
                d.hardTriggers(), d.colourMatrix()));
        RiskModel.DynamicRisk risk = generous.dynamic(List.of(critical(Duration.ofHours(3)), critical(Duration.ofHours(3))), NOW);
        assertThat(risk.score()).isEqualTo(100.0); // 2 × 40 × 1.5 = 120 → 100
        assertThat(points(risk.factors(), "DYNAMIC_CAP")).isEqualTo(-20.0);
    }

    @Test
    void bandsAndTheColourMatrix() {
        assertThat(model.dynamic(List.of(), NOW).band()).isEqualTo(DynamicBand.NONE);
        assertThat(model.dynamic(List.of(minor(), minor()), NOW).band()).isEqualTo(DynamicBand.L);
        assertThat(model.colour(InherentLevel.A, DynamicBand.L)).isEqualTo(Colour.ORANGE);
        assertThat(model.colour(InherentLevel.B, DynamicBand.M)).isEqualTo(Colour.ORANGE);
        assertThat(model.colour(InherentLevel.C, DynamicBand.L)).isEqualTo(Colour.BLUE);
        assertThat(model.colour(InherentLevel.D, DynamicBand.H)).isEqualTo(Colour.YELLOW);
        assertThat(model.colour(InherentLevel.A, DynamicBand.NONE)).isNull();
    }

    @Test
    void aHardTriggerForcesRedAtAnyLevel() {
        EnterpriseProfile tiny = new EnterpriseProfile(Fixtures.WOOD_PLANT, "小作坊", Fixtures.HUANGSHI, DustType.OTHER,
                3, false, List.of(), NOW);
        ActiveAlarm vent = new ActiveAlarm("VENT_BURST", "X-DC001-VENT_BURST", Severity.CRITICAL, true, NOW, "泄爆片动作 = 1");
        RiskAssessment a = model.assess(tiny, List.of(vent), NOW);
        assertThat(a.inherentLevel()).isEqualTo(InherentLevel.D);
        assertThat(a.dynamicBand()).isEqualTo(DynamicBand.M); // 40 → D × M = BLUE without the trigger
        assertThat(a.colour()).isEqualTo(Colour.RED);
        assertThat(a.hardTrigger()).isEqualTo("VENT_BURST");
        assertThat(a.factors()).extracting(RiskFactor::detail).contains("一票否决：泄爆片动作 = 1");
        assertThat(a.configVersion()).isEqualTo("risk-model-2026.2");
    }

    @Test
    void theMainAlarmIsTheHardTriggerThenTheMostSevereThenTheOldest() {
        ActiveAlarm oldMajor = new ActiveAlarm("A", "p1", Severity.MAJOR, false, NOW.minusSeconds(600), "old major");
        ActiveAlarm newCritical = new ActiveAlarm("B", "p2", Severity.CRITICAL, false, NOW, "new critical");
        ActiveAlarm hard = new ActiveAlarm("C", "p3", Severity.CRITICAL, true, NOW, "hard");
        assertThat(RiskModel.mainAlarm(List.of(oldMajor, newCritical)).orElseThrow().description()).isEqualTo("new critical");
        assertThat(RiskModel.mainAlarm(List.of(oldMajor, newCritical, hard)).orElseThrow().description()).isEqualTo("hard");
        assertThat(RiskModel.mainAlarm(List.of())).isEmpty();
    }

    private double workersPoints(int workers) {
        EnterpriseProfile p = new EnterpriseProfile(Fixtures.WOOD_PLANT, "木器厂", Fixtures.HUANGSHI, DustType.WOOD,
                workers, false, List.of(), NOW);
        return points(model.inherent(p).factors(), "DUST_WORKERS");
    }

    private static double points(List<RiskFactor> factors, String code) {
        return factors.stream().filter(f -> f.code().equals(code)).mapToDouble(RiskFactor::points).sum();
    }

    private static ActiveAlarm major(Duration age) {
        return new ActiveAlarm("DRY_HOPPER_TEMP_HIGH", "X-DC001-DRY_HOPPER_TEMP-1", Severity.MAJOR, false,
                NOW.minus(age), "灰斗温度 72.0 ℃ ≥ 70.0 ℃ 持续 60 s");
    }

    private static ActiveAlarm critical(Duration age) {
        return new ActiveAlarm("DRY_HOPPER_TEMP_HIGH_HIGH", "X-DC00" + age.toSeconds() % 7 + "-DRY_HOPPER_TEMP-1",
                Severity.CRITICAL, false, NOW.minus(age), "灰斗温度 85.0 ℃ ≥ 80.0 ℃ 持续 60 s");
    }

    private static ActiveAlarm minor() {
        return new ActiveAlarm("INLET_TEMP_HIGH", "X-DC001-INLET_TEMP", Severity.MINOR, false, NOW, "进口温度偏高");
    }
}
