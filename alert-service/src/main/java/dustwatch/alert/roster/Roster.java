package dustwatch.alert.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A unit's duty roster (值班表) as read and written through the API; times are China time.
 *
 * @param unitCode       region code of a government unit, or an enterprise's USCC
 * @param name           the unit's name (e.g. 黄石镇应急办值班室)
 * @param defaultContact who is told when no shift covers the moment
 * @param webhookUrl     a signed webhook to the unit's own system, or null
 * @param staff          the staff
 * @param shifts         weekly (weekday 1 = Monday) or dated shifts
 * @param holidays       dates on which the weekly shifts do not apply
 * @param substitutes    who covers whom, when (代班)
 */
public record Roster(String unitCode, String name, Contact defaultContact, String webhookUrl, List<Contact> staff,
                     List<Shift> shifts, List<Holiday> holidays, List<Substitute> substitutes) {
    public Roster {
        staff = staff == null ? List.of() : List.copyOf(staff);
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        substitutes = substitutes == null ? List.of() : List.copyOf(substitutes);
    }

    /** A shift: on a weekday every week (not on holidays) or on one date; an end at or before the start runs past midnight. */
    public record Shift(String staffId, Integer weekday, LocalDate onDate, LocalTime starts, LocalTime ends) {
    }

    public record Holiday(LocalDate date, String name) {
    }

    /** {@code substituteId} covers the shifts of {@code staffId} from {@code from} until {@code to}. */
    public record Substitute(String staffId, String substituteId, Instant from, Instant to) {
    }
}
