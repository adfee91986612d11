package dustwatch.disposal.supervision;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.risk.Colour;

import java.time.Instant;
import java.util.List;

/** The facts metrics are computed from. Implemented by {@code persistence.JdbcSupervisionFacts}. */
public interface Facts {

    /** Alarms started in [from, to) of enterprises under {@code region}. */
    List<AlarmFact> alarms(RegionCode region, Instant from, Instant to);

    /** Warnings issued before {@code to} of enterprises under {@code region} (the calculator picks what each metric needs). */
    List<WarningFact> warnings(RegionCode region, Instant to);

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
