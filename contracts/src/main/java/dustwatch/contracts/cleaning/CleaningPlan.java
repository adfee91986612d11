package dustwatch.contracts.cleaning;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * An enterprise's cleaning plan (清扫计划): its areas, how often each is cleaned, and its production shifts. The
 * value on the compacted {@code dust.cleaning-plan}, keyed by USCC; the latest plan replaces the earlier one.
 * Domain reference §5.2.
 *
 * @param uscc       enterprise code
 * @param regionCode the enterprise's region
 * @param areas      the areas to clean, never null
 * @param shifts     production shifts in China time (+08:00), e.g. 08:00–17:00; never null
 * @param updatedAt  when this version was accepted
 */
public record CleaningPlan(String uscc, String regionCode, List<Area> areas, List<Shift> shifts, Instant updatedAt) {

    public CleaningPlan {
        areas = areas == null ? List.of() : List.copyOf(areas);
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
    }

    /**
     * One area of the plan (清扫区域).
     *
     * @param areaCode  stable code, e.g. {@code SANDING-FLOOR}
     * @param name      e.g. 砂光车间地面
     * @param frequency per shift, daily or weekly
     */
    public record Area(String areaCode, String name, CleaningFrequency frequency) {
    }

    /**
     * A production shift (班次) in China time; {@code end} before {@code start} crosses midnight.
     *
     * @param name  e.g. 白班
     * @param start e.g. 08:00
     * @param end   e.g. 17:00
     */
    public record Shift(String name, LocalTime start, LocalTime end) {
    }
}
