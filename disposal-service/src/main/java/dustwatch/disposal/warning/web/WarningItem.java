package dustwatch.disposal.warning.web;

import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.disposal.warning.WarningRecord;

import java.time.Instant;

/**
 * One warning case in a list (architecture "disposal-service"); times are ISO-8601 UTC.
 *
 * @param overdue true when the clear deadline has passed and the case is neither cleared nor superseded (computed on read)
 */
public record WarningItem(String warningId, String uscc, String enterpriseName, String regionCode, Colour colour,
                          WarningState state, String reason, Instant issuedAt, Tier verifyingTier,
                          Instant signInDeadline, Instant feedbackDeadline, Instant clearDeadline, boolean overdue) {

    static WarningItem of(WarningRecord w, Instant now) {
        return new WarningItem(w.warningId(), w.uscc(), w.enterpriseName(), w.regionCode().value(), w.colour(),
                w.state(), w.reason(), w.issuedAt(), w.verifyingTier(), w.deadlines().signIn(),
                w.deadlines().feedback(), w.deadlines().clear(), w.overdue(now));
    }
}
