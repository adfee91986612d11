package dustwatch.disposal.supervision;

import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.enterprise.DustType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dustwatch.disposal.supervision.FixtureMonthTest.MARCH;
import static dustwatch.disposal.supervision.FixtureMonthTest.WEIGHTS;
import static dustwatch.disposal.supervision.FixtureMonthTest.china;
import static dustwatch.disposal.warning.Fixtures.HUANGSHI;
import static dustwatch.disposal.warning.Fixtures.XINDU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * March 2026 (31 days) for the rates taken from other services' data — access, online, valid data, cleaning
 * check-in — and the composite score with all six weights. Four enterprises of their own (no alarms or warnings);
 * every expected figure is worked out by hand in the comments. In scope: 30 dust-exposed workers, Al/Mg 5.
 */
class CoverageMonthTest {
    static final SupervisionProperties RULES = new SupervisionProperties(WEIGHTS.weights(), Map.of("DEFAULT", 30, "AL_MG", 5));

    static Facts.EnterpriseFact enterprise(String uscc, String region, DustType type, int workers, String registered,
                                           List<String> collectors, List<String> points, Set<String> reported,
                                           String firstData, List<Facts.OfflineChange> offline, long samples, long good,
                                           List<Facts.PlanArea> areas, int shifts, Map<String, Long> checkIns) {
        return new Facts.EnterpriseFact(uscc, uscc + " 企业", region, type, workers, china(registered), collectors, points,
                reported, firstData == null ? null : china(firstData), offline, samples, good, areas, shifts, checkIns);
    }

    static Facts.OfflineChange change(String at, boolean offline) {
        return new Facts.OfflineChange(china(at), offline);
    }

    static final List<Facts.EnterpriseFact> ENTERPRISES = List.of(
            // E1 Huangshi wood, 60 workers (in scope), both registered points reported → connected.
            //    Offline 10 March 00:00 – 11 March 00:00: online 30 of 31 days. 950 good of 1000.
            //    Plan: FLOOR per shift (2 shifts: 31 × 2 = 62), HOPPER daily (31), BEAMS weekly (⌈31/7⌉ = 5) → 98 required;
            //    check-ins FLOOR 60, HOPPER 40 (counts 31), BEAMS 3 → 94 done.
            enterprise("E1", HUANGSHI, DustType.WOOD, 60, "2026-02-01T00:00", List.of("E1-DC001"),
                    List.of("E1-DC001-DRY_HOPPER_TEMP", "E1-DC001-DRY_DIFF_PRESSURE"),
                    Set.of("E1-DC001-DRY_HOPPER_TEMP", "E1-DC001-DRY_DIFF_PRESSURE"), "2026-02-01T08:00",
                    List.of(change("2026-03-10T00:00", true), change("2026-03-11T00:00", false)), 1000, 950,
                    List.of(new Facts.PlanArea("FLOOR", CleaningFrequency.PER_SHIFT),
                            new Facts.PlanArea("HOPPER", CleaningFrequency.DAILY),
                            new Facts.PlanArea("BEAMS", CleaningFrequency.WEEKLY)), 2,
                    Map.of("FLOOR", 60L, "HOPPER", 40L, "BEAMS", 3L)),
            // E2 Xindu Al/Mg, 8 workers (in scope: Al/Mg from 5), no points registered, its one collector reported →
            //    connected. Registered 16 March 00:00 (expected 16 days), first value 17 March 00:00 (online 15 days).
            //    100 good of 200. No cleaning plan.
            enterprise("E2", XINDU, DustType.AL_MG, 8, "2026-03-16T00:00", List.of("E2-DC001"), List.of(),
                    Set.of("E2-DC001-WET_FLOW"), "2026-03-17T00:00", List.of(), 200, 100, List.of(), 0, Map.of()),
            // E3 Xindu wood, 20 workers (not in scope), never sent anything: online 0 of 31 days, no samples.
            enterprise("E3", XINDU, DustType.WOOD, 20, "2026-01-01T00:00", List.of("E3-DC001"), List.of(), Set.of(),
                    null, List.of(), 0, 0, List.of(), 0, Map.of()),
            // E4 Huangshi wood, 35 workers (in scope), two collectors, only DC001 reported → not connected.
            //    Offline since 20 February, back 2 March 00:00: online 30 of 31 days. 500 good of 500.
            //    Plan: YARD daily (31 required), no check-in.
            enterprise("E4", HUANGSHI, DustType.WOOD, 35, "2026-01-01T00:00", List.of("E4-DC001", "E4-DC002"), List.of(),
                    Set.of("E4-DC001-DRY_HOPPER_TEMP"), "2026-01-05T00:00",
                    List.of(change("2026-02-20T00:00", true), change("2026-03-02T00:00", false)), 500, 500,
                    List.of(new Facts.PlanArea("YARD", CleaningFrequency.DAILY)), 1, Map.of()));

    final MetricsCalculator calculator = new MetricsCalculator(RULES);

    List<UnitMetrics> compute(Level level) {
        return calculator.compute(List.of(), List.of(), ENTERPRISES, level, MARCH.from(), MARCH.to(), MARCH.to());
    }

    @Test
    void perEnterprise() {
        List<UnitMetrics> units = compute(Level.ENTERPRISE);
        assertThat(units).extracting(UnitMetrics::unit).containsExactly("E1", "E2", "E3", "E4");
        UnitMetrics e1 = units.get(0);
        assertThat(e1.name()).isEqualTo("E1 企业");
        assertThat(e1.accessRate()).isEqualTo(1.0);
        assertThat(e1.onlineRate()).isCloseTo(30.0 / 31, within(1e-9));
        assertThat(e1.validDataRate()).isEqualTo(0.95);
        assertThat(e1.cleaningCheckInRate()).isCloseTo(94.0 / 98, within(1e-9));
        // (20 × 1 + 25 × 30/31 + 10 × 94/98 + 5 × 0.95) ÷ 60 × 100 = (20 + 24.1935 + 9.5918 + 4.75) ÷ 60 × 100 = 97.56
        assertThat(e1.score()).isEqualTo(97.56);

        UnitMetrics e2 = units.get(1);
        assertThat(e2.accessRate()).isEqualTo(1.0);
        assertThat(e2.onlineRate()).isEqualTo(15.0 / 16);
        assertThat(e2.validDataRate()).isEqualTo(0.5);
        assertThat(e2.cleaningCheckInRate()).isNull();
        // (20 × 1 + 25 × 0.9375 + 5 × 0.5) ÷ 50 × 100 = 91.875 → 91.88
        assertThat(e2.score()).isEqualTo(91.88);

        UnitMetrics e3 = units.get(2);
        assertThat(e3.accessRate()).isNull();            // not in scope
        assertThat(e3.onlineRate()).isEqualTo(0.0);
        assertThat(e3.validDataRate()).isNull();
        assertThat(e3.score()).isEqualTo(0.0);           // 25 × 0 ÷ 25

        UnitMetrics e4 = units.get(3);
        assertThat(e4.accessRate()).isEqualTo(0.0);
        assertThat(e4.onlineRate()).isCloseTo(30.0 / 31, within(1e-9));
        assertThat(e4.validDataRate()).isEqualTo(1.0);
        assertThat(e4.cleaningCheckInRate()).isEqualTo(0.0);
        // (20 × 0 + 25 × 30/31 + 10 × 0 + 5 × 1) ÷ 60 × 100 = 29.1935 ÷ 60 × 100 = 48.66
        assertThat(e4.score()).isEqualTo(48.66);
    }

    @Test
    void perTownAndDistrict() {
        List<UnitMetrics> towns = compute(Level.TOWN);
        assertThat(towns).extracting(UnitMetrics::unit).containsExactly(HUANGSHI, XINDU);
        UnitMetrics huangshi = towns.get(0);
        assertThat(huangshi.accessRate()).isEqualTo(0.5);                              // E1 of E1, E4
        assertThat(huangshi.onlineRate()).isCloseTo(60.0 / 62, within(1e-9));          // (30 + 30) ÷ (31 + 31) days
        assertThat(huangshi.validDataRate()).isCloseTo(1450.0 / 1500, within(1e-9));  // (950 + 500) ÷ (1000 + 500)
        assertThat(huangshi.cleaningCheckInRate()).isCloseTo(94.0 / 129, within(1e-9)); // 94 ÷ (98 + 31)
        UnitMetrics xindu = towns.get(1);
        assertThat(xindu.accessRate()).isEqualTo(1.0);                                 // E2 of E2 (E3 not in scope)
        assertThat(xindu.onlineRate()).isCloseTo(15.0 / 47, within(1e-9));             // (15 + 0) ÷ (16 + 31)
        assertThat(xindu.validDataRate()).isEqualTo(0.5);
        assertThat(xindu.cleaningCheckInRate()).isNull();
        // (20 × 1 + 25 × 15/47 + 5 × 0.5) ÷ 50 × 100 = (20 + 7.9787 + 2.5) ÷ 50 × 100 = 60.96
        assertThat(xindu.score()).isEqualTo(60.96);

        UnitMetrics licheng = compute(Level.DISTRICT).getFirst();
        assertThat(licheng.accessRate()).isCloseTo(2.0 / 3, within(1e-9));             // E1, E2 of E1, E2, E4
        assertThat(licheng.onlineRate()).isCloseTo(75.0 / 109, within(1e-9));          // (30+15+0+30) ÷ (31+16+31+31)
        assertThat(licheng.validDataRate()).isCloseTo(1550.0 / 1700, within(1e-9));
        // (20 × 2/3 + 25 × 75/109 + 10 × 94/129 + 5 × 1550/1700) ÷ 60 × 100
        // = (13.3333 + 17.2018 + 7.2868 + 4.5588) ÷ 60 × 100 = 70.63
        assertThat(licheng.score()).isEqualTo(70.63);
    }

    @Test
    void theRankingWorkbookCarriesTheFourRates() throws Exception {
        byte[] xlsx = dustwatch.disposal.report.RankingWorkbook.write("2026-03", Level.TOWN,
                MetricsCalculator.rank(compute(Level.TOWN)));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("排名");
            assertThat(sheet.getRow(1).getCell(17).getStringCellValue()).isEqualTo("接入率");
            assertThat(sheet.getRow(1).getCell(20).getStringCellValue()).isEqualTo("清扫打卡率");
            var first = sheet.getRow(2);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(HUANGSHI);
            // (20 × 0.5 + 25 × 60/62 + 10 × 94/129 + 5 × 1450/1500) ÷ 60 × 100 = 77.19, before Xindu's 60.96
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(77.19);
            assertThat(first.getCell(17).getNumericCellValue()).isEqualTo(0.5);
            assertThat(first.getCell(20).getNumericCellValue()).isCloseTo(94.0 / 129, within(1e-9));
            assertThat(sheet.getRow(3).getCell(20)).as("Xindu has no plan: blank").satisfiesAnyOf(
                    c -> assertThat(c).isNull(), c -> assertThat(c.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK));
        }
    }

    @Test
    void withAlarmsAndWarningsTheScoreUsesAllSixWeights() {
        // the alarm/warning fixture of FixtureMonthTest in the same district: alarm disposal 0.5, on-time clearance 2/3
        UnitMetrics licheng = calculator.compute(FixtureMonthTest.ALARMS, FixtureMonthTest.WARNINGS, ENTERPRISES,
                Level.DISTRICT, MARCH.from(), MARCH.to(), MARCH.to()).getFirst();
        assertThat(licheng.alarmDisposalRate()).isEqualTo(0.5);
        // (13.3333 + 17.2018 + 15 × 0.5 + 25 × 2/3 + 7.2868 + 4.5588) ÷ 100 × 100
        // = (13.3333 + 17.2018 + 7.5 + 16.6667 + 7.2868 + 4.5588) = 66.5474 → 66.55
        assertThat(licheng.score()).isEqualTo(66.55);
    }

    @Test
    void anOutageThatStartedBeforeTheMonthAndOneStillOpenAtTheCutoff() {
        Instant from = MARCH.from();
        Facts.EnterpriseFact e = enterprise("E5", HUANGSHI, DustType.WOOD, 40, "2026-01-01T00:00", List.of(), List.of(),
                Set.of("x"), "2026-01-01T00:00", List.of(change("2026-02-27T00:00", true), change("2026-03-03T00:00", false),
                        change("2026-03-20T00:00", true)), 0, 0, List.of(), 0, Map.of());
        // judged on 25 March 00:00: online 3 March – 20 March = 17 days of 24
        assertThat(Coverage.onlineSeconds(e, from, china("2026-03-25T00:00"))).isEqualTo(17 * 86_400L);
        assertThat(Coverage.days(from, china("2026-03-25T00:00"))).isEqualTo(24);
    }
}
