package dustwatch.disposal.warning;

import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dustwatch.disposal.*}: who verifies each colour and how long each step may take. Defaults in
 * application.yml come from domain reference §4.3 (verifying tier) and §4.4 (time limits).
 *
 * @param configVersion stamped on every warning case whose deadlines these limits computed, e.g. {@code limits-2026.1}
 * @param verifyingTier per colour, the lowest government tier that may clear (消警) or reject (驳回):
 *                      BLUE TOWN, YELLOW TOWN, ORANGE DISTRICT, RED DISTRICT
 * @param timeLimits    per colour, the sign-in, feedback and clear durations counted from the warning's issue time
 * @param calendar      the working-day calendar of {@code WORKING_DAYS} limits (zone, holidays, extra workdays)
 * @throws IllegalArgumentException at start-up when a colour lacks a tier or a time limit, or a limit is not positive
 */
@ConfigurationProperties("dustwatch.disposal")
public record DisposalProperties(String configVersion, Map<Colour, Tier> verifyingTier,
                                 Map<Colour, TimeLimit> timeLimits, Calendar calendar) {

    /** Properties on a calendar without holidays, in Asia/Shanghai. */
    public DisposalProperties(String configVersion, Map<Colour, Tier> verifyingTier, Map<Colour, TimeLimit> timeLimits) {
        this(configVersion, verifyingTier, timeLimits, null);
    }

    @ConstructorBinding
    public DisposalProperties {
        if (configVersion == null || configVersion.isBlank()) {
            throw new IllegalArgumentException("dustwatch.disposal.config-version is required");
        }
        verifyingTier = verifyingTier == null ? Map.of() : verifyingTier;
        timeLimits = timeLimits == null ? Map.of() : timeLimits;
        for (Colour colour : Colour.values()) {
            Tier tier = verifyingTier.get(colour);
            if (tier == null || tier == Tier.ENTERPRISE) {
                throw new IllegalArgumentException("dustwatch.disposal.verifying-tier." + colour
                        + " must name a government tier, got " + tier);
            }
            if (timeLimits.get(colour) == null) {
                throw new IllegalArgumentException("dustwatch.disposal.time-limits." + colour + " is missing");
            }
        }
        calendar = calendar == null ? new Calendar(null, null, null) : calendar;
        verifyingTier = Map.copyOf(new EnumMap<>(verifyingTier));
        timeLimits = Map.copyOf(new EnumMap<>(timeLimits));
    }

    /** The tier that verifies (clears or rejects) a warning of {@code colour}. */
    public Tier verifyingTier(Colour colour) {
        return verifyingTier.get(colour);
    }

    /** The deadlines of a warning of {@code colour} issued at {@code issuedAt}, stamped with {@link #configVersion()}. */
    public Deadlines deadlines(Colour colour, Instant issuedAt) {
        TimeLimit limit = timeLimits.get(colour);
        WorkCalendar days = calendar.workCalendar();
        WorkCalendar.Kind kind = limit.calendar();
        return new Deadlines(days.plus(issuedAt, limit.signIn(), kind), days.plus(issuedAt, limit.feedback(), kind),
                days.plus(issuedAt, limit.clear(), kind), configVersion,
                days.plus(issuedAt, limit.verify(), kind));
    }

    /**
     * {@code dustwatch.disposal.calendar.*}.
     *
     * @param zone          e.g. Asia/Shanghai (default)
     * @param holidays      public holidays, e.g. [2026-10-01, 2026-10-02]
     * @param extraWorkdays weekend days worked in exchange (调休)
     */
    public record Calendar(ZoneId zone, List<LocalDate> holidays, List<LocalDate> extraWorkdays) {
        WorkCalendar workCalendar() {
            return WorkCalendar.of(zone, holidays, extraWorkdays);
        }
    }

    /**
     * The time limits (时限) of one colour, domain reference §4.4.
     *
     * @param signIn   enterprise sign-in (签收), e.g. 15m for RED
     * @param feedback enterprise feedback (反馈), e.g. 1h for RED
     * @param clear    clear deadline (消警时限), e.g. 24h for RED
     * @param verify   regulator review (核查) deadline; the clear deadline when absent
     * @param calendar CONTINUOUS (24 × 7, default) or WORKING_DAYS
     */
    public record TimeLimit(Duration signIn, Duration feedback, Duration clear, Duration verify,
                            WorkCalendar.Kind calendar) {
        public TimeLimit(Duration signIn, Duration feedback, Duration clear) {
            this(signIn, feedback, clear, null, null);
        }

        @ConstructorBinding
        public TimeLimit {
            verify = verify == null ? clear : verify;
            calendar = calendar == null ? WorkCalendar.Kind.CONTINUOUS : calendar;
            for (Duration d : new Duration[] {signIn, feedback, clear, verify}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("time limits must be positive durations, got " + d);
                }
            }
        }
    }
}
