package dustwatch.disposal.supervision;

import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.risk.Colour;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The facts metrics are computed from. Implemented by {@code persistence.JdbcSupervisionFacts}. */
public interface Facts {

    /** Alarms started in [from, to) of enterprises under {@code region}. */
    List<AlarmFact> alarms(RegionCode region, Instant from, Instant to);

    /** Warnings issued before {@code to} of enterprises under {@code region} (the calculator picks what each metric needs). */
    List<WarningFact> warnings(RegionCode region, Instant to);

    /**
     * Registered enterprises under {@code region} (registered before {@code to}) with what the other services' topics
     * said about them in [from, to): the access, online, valid-data and cleaning check-in rates come from these.
     * None by default (a unit without them has no such rates).
     */
    default List<EnterpriseFact> enterprises(RegionCode region, Instant from, Instant to) {
        return List.of();
    }

    /**
     * One registered enterprise as supervision sees it (from {@code dust.registry}, {@code dust.realtime},
     * {@code dust.offline}, {@code dust.cleaning-plan} and {@code dust.cleaning}).
     *
     * @param collectors     its collector codes
     * @param points         its registered point codes (may be empty: then one reporting point per collector counts)
     * @param reportedPoints point codes that sent a value before the period's end
     * @param firstData      the first instant any value arrived, or null
     * @param offline        enterprise-wide outages (START true, END false) before the period's end, oldest first
     * @param samples        values received in the period
     * @param goodSamples    of those, quality 0 (good)
     * @param cleaningAreas  the areas of its current cleaning plan, empty without a plan
     * @param shifts         production shifts per day of its plan (at least 1 when it has a plan)
     * @param checkInsByArea check-ins in the period per area code
     */
    record EnterpriseFact(String uscc, String name, String regionCode, DustType dustType, int dustWorkers,
                          Instant registeredAt, List<String> collectors, List<String> points, Set<String> reportedPoints,
                          Instant firstData, List<OfflineChange> offline, long samples, long goodSamples,
                          List<PlanArea> cleaningAreas, int shifts, Map<String, Long> checkInsByArea) {
    }

    /** An enterprise went offline ({@code offline} true) or came back at {@code at}. */
    record OfflineChange(Instant at, boolean offline) {
    }

    /** One area of a cleaning plan and how often it must be cleaned. */
    record PlanArea(String areaCode, CleaningFrequency frequency) {
    }

    /**
     * What one alarm case says about handling.
     *
     * @param signedInAt  sign-in, or null
     * @param recoveredAt self-recovery, or null
     * @param closedAt    feedback (closing), or null
     */
    record AlarmFact(String uscc, String regionCode, Instant startedAt, Instant signInDue, Instant feedbackDue,
                     Instant signedInAt, Instant recoveredAt, Instant closedAt) {
    }

    /**
     * What one warning's timeline says.
     *
     * @param signedInAt   first sign-in, or null
     * @param clearedAt    clearing, or null
     * @param supersededAt superseding, or null
     * @param reviewedAt   first regulator review (clear or reject), or null
     */
    record WarningFact(String warningId, String uscc, String enterpriseName, String regionCode, Colour colour,
                       Instant issuedAt, Instant signInDeadline, Instant clearDeadline, Instant verifyDeadline,
                       Instant signedInAt, Instant clearedAt, Instant supersededAt, Instant reviewedAt) {
    }
}
