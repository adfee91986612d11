package dustwatch.disposal.warning.web;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.disposal.feedback.Feedback;
import dustwatch.disposal.warning.Review;
import dustwatch.disposal.warning.WarningDetail;
import dustwatch.disposal.warning.WarningRecord;

import java.time.Instant;
import java.util.List;

/**
 * One warning case with its timeline (处置记录): the fields of {@link WarningItem} plus {@code hardTrigger},
 * {@code supersedes}, {@code configVersion} (of the time limits that set the deadlines), {@code timeline}
 * (escalation steps included, with their {@code targetTier}), {@code verifyDeadline}, {@code signedInBy},
 * structured {@code feedback} and {@code reviews}, and {@code history}: the superseded predecessors, each a
 * WarningView of its own (nearest first).
 */
public record WarningView(String warningId, String uscc, String enterpriseName, String regionCode, Colour colour,
                          WarningState state, String reason, Instant issuedAt, Tier verifyingTier,
                          Instant signInDeadline, Instant feedbackDeadline, Instant clearDeadline, boolean overdue,
                          String hardTrigger, String supersedes, String configVersion, List<DisposalEvent> timeline,
                          Instant verifyDeadline, String signedInBy, List<Feedback> feedback, List<Review> reviews,
                          List<WarningView> history) {

    static WarningView of(WarningDetail detail, Instant now) {
        WarningRecord w = detail.warning();
        return new WarningView(w.warningId(), w.uscc(), w.enterpriseName(), w.regionCode().value(), w.colour(),
                w.state(), w.reason(), w.issuedAt(), w.verifyingTier(), w.deadlines().signIn(),
                w.deadlines().feedback(), w.deadlines().clear(), w.overdue(now), w.hardTrigger(), w.supersedes(),
                w.deadlines().configVersion(), detail.timeline(), w.deadlines().verify(), w.signedInBy(),
                detail.feedback(), detail.reviews(), detail.history().stream().map(h -> of(h, now)).toList());
    }
}
