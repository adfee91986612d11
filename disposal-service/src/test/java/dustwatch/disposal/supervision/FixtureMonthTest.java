package dustwatch.disposal.supervision;

import dustwatch.contracts.risk.Colour;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static dustwatch.disposal.warning.Fixtures.HUANGSHI;
import static dustwatch.disposal.warning.Fixtures.HUANGSHI_PLANT;
import static dustwatch.disposal.warning.Fixtures.XINDU;
import static dustwatch.disposal.warning.Fixtures.XINDU_SHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * March 2026 in Licheng district: a plant in Huangshi town and a shop in Xindu town. Every expected figure is
 * worked out by hand in the comments from the facts listed here.
 */
public class FixtureMonthTest {
    public static final Period MARCH = Period.parse("2026-03");
    /** The weights of application.yml. */
    public static final SupervisionProperties WEIGHTS = new SupervisionProperties(Map.of("access", 20.0, "online", 25.0,
            "alarm-disposal", 15.0, "warning-on-time-clearance", 25.0, "cleaning-check-in", 10.0, "valid-data", 5.0));

    static Instant china(String t) {
        return LocalDateTime.parse(t).atZone(Period.CHINA).toInstant();
    }

    static Instant plus(Instant t, Duration d) {
        return d == null ? null : t.plus(d);
    }

    static Facts.AlarmFact alarm(String uscc, String region, String start, Duration signInSla, Duration signed,
                                 Duration recovered, Duration closed) {
        Instant s = china(start);
        return new Facts.AlarmFact(uscc, region, s, s.plus(signInSla), s.plus(Duration.ofHours(2)), plus(s, signed),
                plus(s, recovered), plus(s, closed));
    }

    static Facts.WarningFact warning(String id, String uscc, String region, Colour colour, String issued,
                                     Duration signInLimit, Duration clearLimit, Duration verifyLimit,
                                     Duration signed, Duration cleared, Duration superseded, Duration reviewed) {
        Instant i = china(issued);
        return new Facts.WarningFact(id, uscc, uscc.equals(HUANGSHI_PLANT) ? "黄石红木家具" : "新度铝镁抛光", region, colour,
                i, i.plus(signInLimit), i.plus(clearLimit), i.plus(verifyLimit), plus(i, signed), plus(i, cleared),
                plus(i, superseded), plus(i, reviewed));
    }

    static final Duration M15 = Duration.ofMinutes(15);
    static final Duration M30 = Duration.ofMinutes(30);
    static final Duration H1 = Duration.ofHours(1);
    static final Duration H2 = Duration.ofHours(2);

    public static final List<Facts.AlarmFact> ALARMS = List.of(
            // A1 plant CRITICAL: signed after 10 min (SLA 15), closed after 1 h → signed, timely, disposed
            alarm(HUANGSHI_PLANT, HUANGSHI, "2026-03-02T09:00", M15, Duration.ofMinutes(10), null, H1),
            // A2 plant MAJOR: signed after 40 min (SLA 30), never closed → signed, late, not disposed
            alarm(HUANGSHI_PLANT, HUANGSHI, "2026-03-03T09:00", M30, Duration.ofMinutes(40), null, null),
            // A3 plant MINOR: recovered by itself after 5 min (SLA 2 h), closed with a cause after 3 h, never signed
            //    → counted signed (closed), timely (recovered in time), disposed
            alarm(HUANGSHI_PLANT, HUANGSHI, "2026-03-04T09:00", H2, null, Duration.ofMinutes(5), Duration.ofHours(3)),
            // A4 shop MAJOR: nothing done
            alarm(XINDU_SHOP, XINDU, "2026-03-05T09:00", M30, null, null, null),
            // A5 plant, February: outside the month
            alarm(HUANGSHI_PLANT, HUANGSHI, "2026-02-28T09:00", M15, null, null, null));

    public static final List<Facts.WarningFact> WARNINGS = List.of(
            // W1 plant RED 10 March: signed 10 min (limit 15), reviewed and cleared after 20 h (clear and verify 24 h)
            warning("W1", HUANGSHI_PLANT, HUANGSHI, Colour.RED, "2026-03-10T09:00", M15, Duration.ofHours(24),
                    Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofHours(20), null, Duration.ofHours(20)),
            // W2 plant YELLOW 20 March: signed after 2 h (limit 1 h), never cleared (deadline 23 March) → overdue
            warning("W2", HUANGSHI_PLANT, HUANGSHI, Colour.YELLOW, "2026-03-20T09:00", H1, Duration.ofHours(72),
                    Duration.ofHours(48), H2, null, null, null),
            // W3 plant BLUE 25 February: cleared 3 March, deadline 4 March → due in March, on time
            warning("W3", HUANGSHI_PLANT, HUANGSHI, Colour.BLUE, "2026-02-25T09:00", H2, Duration.ofDays(7),
                    Duration.ofDays(7), H1, Duration.ofDays(6), null, Duration.ofDays(6)),
            // W4 shop ORANGE 30 March 12:00: signed after 20 min (limit 30), not reviewed by 31 March 12:00,
            //    clear deadline 1 April 12:00 → not due in March, not overdue at the month's end
            warning("W4", XINDU_SHOP, XINDU, Colour.ORANGE, "2026-03-30T12:00", M30, Duration.ofHours(48),
                    Duration.ofHours(24), Duration.ofMinutes(20), null, null, null),
            // W5 shop YELLOW 1 March: never signed, superseded on 2 March (before its 4 March deadline)
            warning("W5", XINDU_SHOP, XINDU, Colour.YELLOW, "2026-03-01T09:00", H1, Duration.ofHours(72),
                    Duration.ofHours(48), null, null, Duration.ofDays(1), null));

    final MetricsCalculator calculator = new MetricsCalculator(WEIGHTS);

    List<UnitMetrics> compute(Level level) {
        return calculator.compute(ALARMS, WARNINGS, level, MARCH.from(), MARCH.to(), MARCH.to());
    }

    @Test
    void perEnterprise() {
        List<UnitMetrics> units = compute(Level.ENTERPRISE);
        assertThat(units).extracting(UnitMetrics::unit).containsExactly(HUANGSHI_PLANT, XINDU_SHOP);
        UnitMetrics plant = units.get(0);
        assertThat(plant.name()).isEqualTo("黄石红木家具");
        assertThat(plant.alarms()).isEqualTo(3);                                  // A1 A2 A3
        assertThat(plant.alarmSignInRate()).isEqualTo(1.0);                       // 3/3
        assertThat(plant.alarmTimelySignInRate()).isCloseTo(2.0 / 3, within(1e-9)); // A1 A3
        assertThat(plant.alarmDisposalRate()).isCloseTo(2.0 / 3, within(1e-9));  // A1 A3
        assertThat(plant.warnings()).isEqualTo(2);                                // W1 W2
        assertThat(plant.warningSignInRate()).isEqualTo(0.5);                     // W1
        assertThat(plant.warningsDue()).isEqualTo(3);                             // W1 W2 W3
        assertThat(plant.onTimeClearanceRate()).isCloseTo(2.0 / 3, within(1e-9)); // W1 W3
        assertThat(plant.verificationRate()).isEqualTo(1.0);                      // W1 of W1
        assertThat(plant.overdueByColour()).containsEntry(Colour.YELLOW, 1).containsEntry(Colour.RED, 0);
        // (15 × 2/3 + 25 × 2/3) ÷ 40 × 100
        assertThat(plant.score()).isEqualTo(66.67);

        UnitMetrics shop = units.get(1);
        assertThat(shop.alarms()).isEqualTo(1);
        assertThat(shop.alarmSignInRate()).isEqualTo(0.0);
        assertThat(shop.alarmDisposalRate()).isEqualTo(0.0);
        assertThat(shop.warnings()).isEqualTo(2);                                 // W4 W5
        assertThat(shop.warningSignInRate()).isEqualTo(0.5);                      // W4
        assertThat(shop.warningsDue()).isZero();                                  // W5 superseded first, W4 due in April
        assertThat(shop.onTimeClearanceRate()).isNull();
        assertThat(shop.verificationRate()).isEqualTo(0.0);                       // W4 not reviewed in 24 h
        assertThat(shop.overdue()).isZero();
        assertThat(shop.score()).isEqualTo(0.0);                                  // 15 × 0 ÷ 15
    }

    @Test
    void perDistrictAndTheTownRanking() {
        UnitMetrics licheng = compute(Level.DISTRICT).getFirst();
        assertThat(licheng.unit()).isEqualTo("350304");
        assertThat(licheng.alarms()).isEqualTo(4);
        assertThat(licheng.alarmSignInRate()).isEqualTo(0.75);                    // 3/4
        assertThat(licheng.alarmTimelySignInRate()).isEqualTo(0.5);               // 2/4
        assertThat(licheng.alarmDisposalRate()).isEqualTo(0.5);                   // 2/4
        assertThat(licheng.warningSignInRate()).isEqualTo(0.5);                   // W1 W4 of 4
        assertThat(licheng.onTimeClearanceRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(licheng.verificationRate()).isEqualTo(0.5);                    // W1 of W1 W4
        // (15 × 0.5 + 25 × 2/3) ÷ 40 × 100 = 60.4166…
        assertThat(licheng.score()).isEqualTo(60.42);
        assertThat(compute(Level.CITY)).extracting(UnitMetrics::unit).containsExactly("350300");

        List<UnitMetrics> towns = MetricsCalculator.rank(compute(Level.TOWN));
        assertThat(towns).extracting(UnitMetrics::unit).containsExactly(HUANGSHI, XINDU);
        assertThat(towns).extracting(UnitMetrics::score).containsExactly(66.67, 0.0);
    }

    @Test
    void openPastTheDeadlineIsJudgedAtTheCutoff() {
        // judged on 22 March, W2 (deadline 23 March) is not yet overdue
        List<UnitMetrics> early = calculator.compute(ALARMS, WARNINGS, Level.ENTERPRISE, MARCH.from(), MARCH.to(),
                china("2026-03-22T00:00"));
        assertThat(early.getFirst().overdue()).isZero();
    }
}
