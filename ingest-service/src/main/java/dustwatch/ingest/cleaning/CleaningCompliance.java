package dustwatch.ingest.cleaning;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.cleaning.CleaningPlan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cleaning compliance per China calendar day (清扫完成率, reference §5.2): what the plan asked for that day and what
 * was checked in. A DAILY area is due once a day; a PER_SHIFT area once in each shift that starts that day (a
 * check-in between the shift's start and end, China time; a shift whose end is before its start crosses
 * midnight); a WEEKLY area is due once per ISO week and counted on the week's Sunday (or on the last day asked
 * for, while the week is still running). A day is {@code closed} once it is over.
 */
public final class CleaningCompliance {
    /** China time, in which days and shifts are counted. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private CleaningCompliance() {
    }

    /**
     * One day's compliance.
     *
     * @param date    the China calendar day
     * @param planned cleanings due that day
     * @param done    of those, the ones checked in
     * @param missing what is missing, as {@code AREA} or {@code AREA@shift}
     * @param closed  true once the day is over (an open day may still be completed)
     */
    public record Day(LocalDate date, int planned, int done, List<String> missing, boolean closed) {
        /** True when everything due was done. */
        public boolean compliant() {
            return done == planned;
        }
    }

    /** The days {@code from}..{@code until} (inclusive) of {@code plan} against {@code checkIns}, judged at {@code now}. */
    public static List<Day> days(CleaningPlan plan, List<CleaningCheckIn> checkIns, LocalDate from, LocalDate until,
                                 Instant now) {
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(until); d = d.plusDays(1)) {
            int planned = 0;
            int done = 0;
            List<String> missing = new ArrayList<>();
            for (CleaningPlan.Area area : plan.areas()) {
                if (area.frequency() == CleaningFrequency.DAILY) {
                    planned++;
                    if (any(checkIns, area.areaCode(), start(d), start(d.plusDays(1)))) {
                        done++;
                    } else {
                        missing.add(area.areaCode());
                    }
                } else if (area.frequency() == CleaningFrequency.PER_SHIFT) {
                    for (CleaningPlan.Shift shift : plan.shifts()) {
                        ZonedDateTime s = d.atTime(shift.start()).atZone(CHINA);
                        LocalDate endDay = shift.end().isAfter(shift.start()) ? d : d.plusDays(1);
                        ZonedDateTime e = endDay.atTime(shift.end()).atZone(CHINA);
                        planned++;
                        if (any(checkIns, area.areaCode(), s.toInstant(), e.toInstant())) {
                            done++;
                        } else {
                            missing.add(area.areaCode() + "@" + Objects.requireNonNullElse(shift.name(), shift.start().toString()));
                        }
                    }
                } else if (area.frequency() == CleaningFrequency.WEEKLY
                        && (d.getDayOfWeek() == DayOfWeek.SUNDAY || d.equals(until))) {
                    LocalDate monday = d.with(DayOfWeek.MONDAY);
                    planned++;
                    if (any(checkIns, area.areaCode(), start(monday), start(monday.plusWeeks(1)))) {
                        done++;
                    } else {
                        missing.add(area.areaCode());
                    }
                }
            }
            days.add(new Day(d, planned, done, List.copyOf(missing), !now.isBefore(start(d.plusDays(1)))));
        }
        return days;
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(CHINA).toInstant();
    }

    private static boolean any(List<CleaningCheckIn> checkIns, String area, Instant from, Instant until) {
        return checkIns.stream().anyMatch(c -> c.areaCode().equals(area)
                && !c.checkedInAt().isBefore(from) && c.checkedInAt().isBefore(until));
    }
}
