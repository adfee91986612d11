package dustwatch.ingest.cleaning;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.cleaning.CleaningPlan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Planned against done per China day: daily, per shift (one crossing midnight), weekly on Sunday. */
class CleaningComplianceTest {
    static final CleaningPlan PLAN = new CleaningPlan("U", "350304101", List.of(
            new CleaningPlan.Area("FLOOR", "砂光车间地面", CleaningFrequency.PER_SHIFT),
            new CleaningPlan.Area("HOPPER", "灰斗卸灰口", CleaningFrequency.DAILY),
            new CleaningPlan.Area("BEAMS", "梁柱", CleaningFrequency.WEEKLY)),
            List.of(new CleaningPlan.Shift("白班", LocalTime.of(8, 0), LocalTime.of(17, 0)),
                    new CleaningPlan.Shift("夜班", LocalTime.of(20, 0), LocalTime.of(4, 0))), Instant.EPOCH);

    static CleaningCheckIn at(String area, String chinaTime) {
        return new CleaningCheckIn("c", "U", "350304101", area, "VACUUM", List.of("h"), "王", 25.4, 119.0,
                java.time.LocalDateTime.parse(chinaTime).atZone(CleaningCompliance.CHINA).toInstant(), "APP");
    }

    @Test
    void aNightShiftCheckInAfterMidnightCountsForTheDayTheShiftStarted() {
        // Saturday 2026-12-05 and Sunday 2026-12-06
        List<CleaningCheckIn> checkIns = List.of(
                at("FLOOR", "2026-12-05T09:30:00"),
                at("FLOOR", "2026-12-06T01:15:00"), // 夜班 of the 5th
                at("HOPPER", "2026-12-05T23:59:00"),
                at("BEAMS", "2026-12-01T10:00:00"));
        List<CleaningCompliance.Day> days = CleaningCompliance.days(PLAN, checkIns, LocalDate.parse("2026-12-05"),
                LocalDate.parse("2026-12-06"), Instant.parse("2026-12-06T04:00:00Z"));
        CleaningCompliance.Day saturday = days.get(0);
        assertThat(saturday.planned()).as("2 shifts + daily; weekly not on Saturday").isEqualTo(3);
        assertThat(saturday.done()).isEqualTo(3);
        assertThat(saturday.compliant()).isTrue();
        assertThat(saturday.closed()).isTrue();
        CleaningCompliance.Day sunday = days.get(1);
        assertThat(sunday.planned()).as("2 shifts + daily + the week's beams").isEqualTo(4);
        assertThat(sunday.done()).as("only the beams, on Tuesday of that week").isEqualTo(1);
        assertThat(sunday.missing()).containsExactly("FLOOR@白班", "FLOOR@夜班", "HOPPER");
        assertThat(sunday.closed()).isFalse();
    }

    @Test
    void aCheckInBeforeTheShiftOrOfAnotherAreaDoesNotCount() {
        List<CleaningCompliance.Day> days = CleaningCompliance.days(PLAN, List.of(at("FLOOR", "2026-12-03T07:59:00"),
                        at("HOPPER", "2026-12-02T23:00:00")), LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-03"),
                Instant.parse("2026-12-10T00:00:00Z"));
        assertThat(days.getFirst().done()).isZero();
        assertThat(days.getFirst().planned()).as("Thursday, the last day asked: the week's beams too").isEqualTo(4);
    }
}
