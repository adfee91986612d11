package dustwatch.disposal.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A reporting period in China time: a month ({@code 2026-03}) or a day ({@code 2026-03-05}).
 *
 * @param label as given
 * @param from  first instant
 * @param to    first instant after
 */
public record Period(String label, Instant from, Instant to) {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** @throws IllegalArgumentException unless {@code text} is yyyy-MM or yyyy-MM-dd */
    public static Period parse(String text) {
        try {
            if (text != null && text.length() == 7) {
                YearMonth m = YearMonth.parse(text);
                return new Period(text, m.atDay(1).atStartOfDay(CHINA).toInstant(),
                        m.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant());
            }
            LocalDate d = LocalDate.parse(text);
            return new Period(text, d.atStartOfDay(CHINA).toInstant(), d.plusDays(1).atStartOfDay(CHINA).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("period must be yyyy-MM (a month) or yyyy-MM-dd (a day), got " + text);
        }
    }
}
