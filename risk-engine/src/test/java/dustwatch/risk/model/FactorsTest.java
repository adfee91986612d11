package dustwatch.risk.model;

import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.risk.Fixtures;
import dustwatch.risk.ShippedConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.SHIFT_START;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static org.assertj.core.api.Assertions.assertThat;

/** Each dynamic factor class on its own, with its weights block of the shipped application.yml. */
class FactorsTest {
    private static final RiskModelProperties.Factors W = ShippedConfig.model().factors();
    private static final Instant NOW = SHIFT_START;

    private static EnterpriseRiskState state() {
        EnterpriseRiskState s = new EnterpriseRiskState(WOOD_PLANT);
        s.profile(Fixtures.woodPlant());
        return s;
    }

    private static double sum(List<RiskFactor> factors) {
        return factors.stream().mapToDouble(RiskFactor::points).sum();
    }

    @Nested
    class RepeatedAlarms {
        private final RepeatedAlarmsFactor factor = new RepeatedAlarmsFactor(W.repeats());

        @Test
        void threeStartsOfOnePointAndRuleWithin24HoursAddTenOnce() {
            EnterpriseRiskState s = state();
            for (int h = 1; h <= 3; h++) {
                s.alarmStarts().add(new EnterpriseRiskState.AlarmStart("DRY_DP_HIGH", "p1", NOW.minus(Duration.ofHours(h * 7L))));
                s.alarmStarts().add(new EnterpriseRiskState.AlarmStart("DRY_DP_HIGH", "p2", NOW.minus(Duration.ofHours(h * 7L))));
            }
            assertThat(sum(factor.contributions(s, NOW))).as("two repeating points, capped at 10").isEqualTo(10.0);
            assertThat(factor.contributions(s, NOW).getFirst().detail()).isEqualTo("点位 p1 DRY_DP_HIGH 24 h 内报警 3 次 10");
        }

        @Test
        void aStartOlderThan24HoursDoesNotCount() {
            EnterpriseRiskState s = state();
            s.alarmStarts().add(new EnterpriseRiskState.AlarmStart("R", "p1", NOW.minus(Duration.ofHours(25))));
            s.alarmStarts().add(new EnterpriseRiskState.AlarmStart("R", "p1", NOW.minus(Duration.ofHours(2))));
            s.alarmStarts().add(new EnterpriseRiskState.AlarmStart("R", "p1", NOW.minus(Duration.ofHours(1))));
            assertThat(factor.contributions(s, NOW)).isEmpty();
        }
    }

    @Nested
    class Offline {
        private final OfflineFactor factor = new OfflineFactor(W.offline());

        @Test
        void aGatewayOfflineFor30MinutesDuringProductionAdds15() {
            EnterpriseRiskState s = state();
            s.gatewaysLastSeen().put("GW01", NOW.minus(Duration.ofMinutes(30)));
            s.offlineGateways().add("GW01");
            assertThat(sum(factor.contributions(s, NOW))).isEqualTo(15.0);
            s.gatewaysLastSeen().put("GW01", NOW.minus(Duration.ofMinutes(29)));
            assertThat(factor.contributions(s, NOW)).isEmpty();
        }

        @Test
        void notDuringADeclaredStop() {
            EnterpriseRiskState s = state();
            s.gatewaysLastSeen().put("GW01", NOW.minus(Duration.ofHours(2)));
            s.offlineGateways().add("GW01");
            var f = Fixtures.approvedFiling(WOOD_PLANT, HUANGSHI, FilingKind.STOP_PRODUCTION, NOW.minus(Duration.ofHours(3)), NOW.plusSeconds(60));
            s.filings().put(f.filingId(), f);
            assertThat(factor.contributions(s, NOW)).isEmpty();
        }
    }

    @Nested
    class FilingMismatch {
        @Test
        void aFanRunningDuringADeclaredStopAdds10() {
            EnterpriseRiskState s = state();
            FilingMismatchFactor factor = new FilingMismatchFactor(W.filingMismatch());
            assertThat(factor.contributions(s, NOW)).isEmpty();
            s.runningDuringStop().put(WOOD_PLANT + "-DC001", NOW);
            assertThat(factor.contributions(s, NOW)).extracting(RiskFactor::points).containsExactly(10.0);
        }
    }

    @Nested
    class Cleaning {
        private final CleaningFactor factor = new CleaningFactor(W.cleaning());

        @Test
        void theLastShiftMissedAdds10AndIsDueOnlyAfterItsTwoHoursOfGrace() {
            EnterpriseRiskState s = state();
            s.cleaningPlan(Fixtures.shiftPlan(WOOD_PLANT, HUANGSHI)); // night shift ends 08:00 China = 00:00Z
            assertThat(factor.contributions(s, NOW.minusSeconds(1))).as("09:59:59, still within grace").isEmpty();
            assertThat(factor.contributions(s, NOW)).extracting(RiskFactor::code, RiskFactor::points)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CLEANING_MISSED", 10.0));
        }

        @Test
        void aCheckInInsideTheWindowOrItsGraceCounts() {
            EnterpriseRiskState s = state();
            s.cleaningPlan(Fixtures.shiftPlan(WOOD_PLANT, HUANGSHI));
            s.checkIns().add(Fixtures.checkIn(WOOD_PLANT, HUANGSHI, "SANDING-FLOOR", NOW.minus(Duration.ofHours(5)), "h1"));
            assertThat(factor.contributions(s, NOW)).isEmpty();
            assertThat(factor.complianceRate(s, NOW, 1)).isEqualTo(1.0);
        }

        @Test
        void threeDaysInARowAdd20InsteadOf10() {
            EnterpriseRiskState s = state();
            CleaningPlan p = Fixtures.shiftPlan(WOOD_PLANT, HUANGSHI);
            s.cleaningPlan(new CleaningPlan(p.uscc(), p.regionCode(), p.areas(), p.shifts(), NOW.minus(Duration.ofDays(5))));
            assertThat(factor.contributions(s, NOW)).extracting(RiskFactor::code, RiskFactor::points)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CLEANING_MISSED_DAYS", 20.0));
            assertThat(factor.complianceRate(s, NOW, 3)).isZero();
        }
    }

    @Nested
    class AlarmBlock {
        @Test
        void aMajorAlarmHeld35MinutesWeighs25() {
            AlarmBlockFactor factor = new AlarmBlockFactor(W.alarms());
            EnterpriseRiskState s = state();
            s.openAlarms().put("a", new ActiveAlarm("DRY_HOPPER_TEMP_HIGH", "p", Severity.MAJOR, false,
                    NOW.minus(Duration.ofMinutes(35)), "灰斗温度高"));
            assertThat(sum(factor.contributions(s, NOW))).isEqualTo(25.0);
        }
    }
}
