package dustwatch.disposal.warning;

import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines on the working-day calendar skip weekends and holidays and count 调休 Saturdays (China time). */
class WorkCalendarTest {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    final WorkCalendar plain = new WorkCalendar(CHINA, null, null);

    static Instant china(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    @Test
    void aWorkingDayDeadlineSkipsTheWeekend() {
        // Friday 2026-03-06 10:00 + 72 working hours: Fri 14 h, Mon 24 h, Tue 24 h, Wed 10 h → Wed 2026-03-11 10:00
        assertThat(plain.plus(china("2026-03-06T10:00"), Duration.ofHours(72), WorkCalendar.Kind.WORKING_DAYS))
                .isEqualTo(china("2026-03-11T10:00"));
        // the same on the continuous calendar: Monday 10:00
        assertThat(plain.plus(china("2026-03-06T10:00"), Duration.ofHours(72), WorkCalendar.Kind.CONTINUOUS))
                .isEqualTo(china("2026-03-09T10:00"));
        // Friday 23:30 + 1 h → Monday 00:30
        assertThat(plain.plus(china("2026-03-06T23:30"), Duration.ofHours(1), WorkCalendar.Kind.WORKING_DAYS))
                .isEqualTo(china("2026-03-09T00:30"));
        // issued on a Saturday: counting starts Monday 00:00
        assertThat(plain.plus(china("2026-03-07T15:00"), Duration.ofHours(2), WorkCalendar.Kind.WORKING_DAYS))
                .isEqualTo(china("2026-03-09T02:00"));
    }

    @Test
    void holidaysDoNotCountAndExtraWorkdaysDo() {
        WorkCalendar national = new WorkCalendar(CHINA, java.util.Set.of(LocalDate.parse("2026-03-09")),
                java.util.Set.of(LocalDate.parse("2026-03-07")));
        // Friday 10:00 + 24 h: Fri 14 h, Saturday (worked) 10 h → Saturday 10:00
        assertThat(national.plus(china("2026-03-06T10:00"), Duration.ofHours(24), WorkCalendar.Kind.WORKING_DAYS))
                .isEqualTo(china("2026-03-07T10:00"));
        // Saturday (worked) 20:00 + 10 h: Sat 4 h, Sunday and the Monday holiday skipped, Tue 6 h → Tuesday 06:00
        assertThat(national.plus(china("2026-03-07T20:00"), Duration.ofHours(10), WorkCalendar.Kind.WORKING_DAYS))
                .isEqualTo(china("2026-03-10T06:00"));
    }

    @Test
    void aColourOnTheWorkingDayCalendarGetsWorkingDayDeadlines() {
        var working = new DisposalProperties.TimeLimit(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(72),
                Duration.ofHours(48), WorkCalendar.Kind.WORKING_DAYS);
        var continuous = new DisposalProperties.TimeLimit(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(24));
        var properties = new DisposalProperties("v-test",
                Map.of(Colour.BLUE, Tier.TOWN, Colour.YELLOW, Tier.TOWN, Colour.ORANGE, Tier.DISTRICT, Colour.RED, Tier.DISTRICT),
                Map.of(Colour.YELLOW, working, Colour.BLUE, working, Colour.ORANGE, continuous, Colour.RED, continuous),
                new DisposalProperties.Calendar(CHINA, List.of(), List.of()));
        Deadlines yellow = properties.deadlines(Colour.YELLOW, china("2026-03-06T10:00"));
        assertThat(yellow.signIn()).isEqualTo(china("2026-03-06T11:00"));
        assertThat(yellow.feedback()).isEqualTo(china("2026-03-06T14:00"));
        assertThat(yellow.verify()).isEqualTo(china("2026-03-10T10:00"));
        assertThat(yellow.clear()).isEqualTo(china("2026-03-11T10:00"));
        assertThat(properties.deadlines(Colour.RED, china("2026-03-06T10:00")).clear()).isEqualTo(china("2026-03-07T10:00"));
    }
}
