package dustwatch.risk.model;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.risk.RiskFactor;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dustwatch.risk.model.DynamicFactor.fmt;

/**
 * Missed cleaning check-ins (清扫打卡缺失), domain reference §5.2 and §3.2 step B. Each area of the plan has
 * windows (its shifts, China calendar days or ISO weeks, China time); a window is missed when no check-in of
 * the area falls in it or within {@code lateMinutes} after it. The last required window of any area missed
 * adds {@code missedPoints}; each of the last {@code consecutiveDays} full China days having a missed window
 * adds {@code consecutivePoints} instead. Windows ending before the plan was registered do not count.
 * Config {@code dustwatch.risk.model.factors.cleaning}.
 */
public final class CleaningFactor implements DynamicFactor {
    /** Shifts, days and weeks are China time (+08:00). */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final Weights w;

    public CleaningFactor(Weights weights) {
        this.w = weights;
    }

    /**
     * @param lateMinutes       a check-in this long after its window still counts (late), 120
     * @param missedPoints      the last required window missed, 10
     * @param consecutiveDays   days in a row with a missed window, 3
     * @param consecutivePoints points for those days (replaces {@code missedPoints}), 20
     */
    public record Weights(long lateMinutes, double missedPoints, int consecutiveDays, double consecutivePoints) {
    }

    /**
     * One required cleaning of one area.
     *
     * @param area  the plan's area
     * @param start window start
     * @param end   window end
     */
    public record Window(CleaningPlan.Area area, Instant start, Instant end) {
    }

    @Override
    public List<RiskFactor> contributions(EnterpriseRiskState state, Instant at) {
        CleaningPlan plan = state.cleaningPlan();
        if (plan == null || plan.areas().isEmpty()) {
            return List.of();
        }
        List<Window> due = dueWindows(plan, at);
        List<Window> missed = due.stream().filter(win -> !done(win, state.checkIns())).toList();
        LocalDate today = at.atZone(CHINA).toLocalDate();
        boolean everyDay = w.consecutiveDays() > 0;
        for (int d = 1; d <= w.consecutiveDays() && everyDay; d++) {
            LocalDate day = today.minusDays(d);
            everyDay = missed.stream().anyMatch(win -> dayOf(win).equals(day));
        }
        if (everyDay) {
            return List.of(new RiskFactor("CLEANING_MISSED_DAYS", w.consecutivePoints(),
                    "连续 " + w.consecutiveDays() + " 天清扫打卡缺失 " + fmt(w.consecutivePoints())));
        }
        // the last required task of any area: the latest due window of each area, missed
        List<Window> lastPerArea = plan.areas().stream()
                .map(a -> due.stream().filter(win -> win.area().equals(a)).max(Comparator.comparing(Window::end)))
                .flatMap(Optional::stream)
                .filter(win -> !done(win, state.checkIns()))
                .toList();
        if (lastPerArea.isEmpty()) {
            return List.of();
        }
        Window win = lastPerArea.getFirst();
        return List.of(new RiskFactor("CLEANING_MISSED", w.missedPoints(), win.area().name() + " "
                + describe(win) + " 清扫未打卡 " + fmt(w.missedPoints())));
    }

    /** The windows whose late allowance has passed at {@code at}, over the last week and a half. */
    public List<Window> dueWindows(CleaningPlan plan, Instant at) {
        Duration late = Duration.ofMinutes(w.lateMinutes());
        Instant from = at.minus(Duration.ofDays(Math.max(8, w.consecutiveDays() + 2)));
        Instant effective = plan.updatedAt() == null ? Instant.MIN : plan.updatedAt();
        List<Window> windows = new ArrayList<>();
        LocalDate first = from.atZone(CHINA).toLocalDate();
        LocalDate lastDay = at.atZone(CHINA).toLocalDate();
        for (CleaningPlan.Area area : plan.areas()) {
            for (LocalDate day = first; !day.isAfter(lastDay); day = day.plusDays(1)) {
                switch (area.frequency()) {
                    case PER_SHIFT -> {
                        for (CleaningPlan.Shift s : plan.shifts()) {
                            ZonedDateTime start = day.atTime(s.start()).atZone(CHINA);
                            ZonedDateTime end = day.atTime(s.end()).atZone(CHINA);
                            if (!end.isAfter(start)) {
                                end = end.plusDays(1);
                            }
                            windows.add(new Window(area, start.toInstant(), end.toInstant()));
                        }
                    }
                    case DAILY -> windows.add(new Window(area, day.atStartOfDay(CHINA).toInstant(),
                            day.plusDays(1).atStartOfDay(CHINA).toInstant()));
                    case WEEKLY -> {
                        if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                            windows.add(new Window(area, day.atStartOfDay(CHINA).toInstant(),
                                    day.plusWeeks(1).atStartOfDay(CHINA).toInstant()));
                        }
                    }
                }
            }
        }
        return windows.stream()
                .filter(win -> !win.end().plus(late).isAfter(at) && win.end().isAfter(effective))
                .toList();
    }

    private boolean done(Window win, List<CleaningCheckIn> checkIns) {
        Instant until = win.end().plus(Duration.ofMinutes(w.lateMinutes()));
        return checkIns.stream().anyMatch(c -> win.area().areaCode().equals(c.areaCode())
                && !c.checkedInAt().isBefore(win.start()) && c.checkedInAt().isBefore(until));
    }

    private static LocalDate dayOf(Window win) {
        return win.end().minusMillis(1).atZone(CHINA).toLocalDate();
    }

    private static String describe(Window win) {
        ZonedDateTime s = win.start().atZone(CHINA);
        ZonedDateTime e = win.end().atZone(CHINA);
        return s.toLocalDate() + " " + s.toLocalTime() + "–" + e.toLocalTime();
    }

    /**
     * Compliance of the last {@code days} China days: on-time or late windows ÷ required windows (§5.2 check-in rate).
     *
     * @return 1.0 when nothing was required
     */
    public double complianceRate(EnterpriseRiskState state, Instant at, int days) {
        CleaningPlan plan = state.cleaningPlan();
        if (plan == null) {
            return 1.0;
        }
        Instant from = at.minus(Duration.ofDays(days));
        List<Window> due = dueWindows(plan, at).stream().filter(win -> win.end().isAfter(from)).toList();
        if (due.isEmpty()) {
            return 1.0;
        }
        return (double) due.stream().filter(win -> done(win, state.checkIns())).count() / due.size();
    }
}
