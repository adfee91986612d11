package dustwatch.disposal.warning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * How deadlines count time (时限日历), domain reference §4.4: {@link Kind#CONTINUOUS} counts every hour (24 × 7);
 * {@link Kind#WORKING_DAYS} counts only the hours of working days in {@code zone}: Monday to Friday, less
 * {@code holidays}, plus {@code extraWorkdays} (weekend days worked in exchange, 调休).
 *
 * @param zone          the zone whose calendar days count, e.g. Asia/Shanghai
 * @param holidays      public holidays that are not worked, e.g. 2026-10-01
 * @param extraWorkdays weekend days that are worked
 */
public record WorkCalendar(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {

    /** The two ways of counting. */
    public enum Kind { CONTINUOUS, WORKING_DAYS }

    public WorkCalendar {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        extraWorkdays = extraWorkdays == null ? Set.of() : Set.copyOf(extraWorkdays);
    }

    /** A calendar from configuration lists (nulls allowed). */
    public static WorkCalendar of(ZoneId zone, List<LocalDate> holidays, List<LocalDate> extraWorkdays) {
        return new WorkCalendar(zone, holidays == null ? null : Set.copyOf(holidays),
                extraWorkdays == null ? null : Set.copyOf(extraWorkdays));
    }

    /** True when {@code day} is worked. */
    public boolean workingDay(LocalDate day) {
        if (extraWorkdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /**
     * The instant {@code limit} after {@code start}, counting as {@code kind} says. On a working-day calendar a
     * start on a non-working day counts from the next working day's midnight.
     */
    public Instant plus(Instant start, Duration limit, Kind kind) {
        if (kind == Kind.CONTINUOUS) {
            return start.plus(limit);
        }
        ZonedDateTime at = start.atZone(zone);
        Duration left = limit;
        for (int guard = 0; guard < 3660; guard++) {
            ZonedDateTime nextMidnight = at.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (workingDay(at.toLocalDate())) {
                Duration rest = Duration.between(at, nextMidnight);
                if (left.compareTo(rest) <= 0) {
                    return at.plus(left).toInstant();
                }
                left = left.minus(rest);
            }
            at = nextMidnight;
        }
        throw new IllegalStateException("no working time within ten years of " + start);
    }
}
