package dustwatch.risk.warning;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.warning.Warning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns assessments into warnings (预警), domain reference §3.2 "Hysteresis / lifecycle": a warning is issued
 * when the assessment's colour is higher than the enterprise's open warning (no open warning counts as
 * lowest); a higher colour supersedes and links to the open one; nothing ever de-escalates automatically.
 * The enterprise is freed when disposal-service reports its open warning CLEARED (消警) or SUPERSEDED.
 */
public final class WarningIssuer {

    /**
     * The warning to issue for an assessment, if any.
     *
     * @param open       the enterprise's open warning, or null
     * @param assessment the new assessment
     * @param profile    the enterprise (for its name)
     * @param reason     the main alarm's description; a fallback names the colour when null
     * @param triggerId  id of the event that caused the assessment (the reading batch's eventId); with the
     *                   enterprise and colour it makes the warning id, so a replay yields the same id
     * @param issuedAt   platform (wall-clock) time: the warning's deadlines count from here
     * @param evidenceAt collect time of the latest evidence, kept beside the issue time
     * @return empty when the colour is null or not higher than the open warning's
     */
    public Optional<Warning> decide(Warning open, RiskAssessment assessment, EnterpriseProfile profile, String reason,
                                    String triggerId, Instant issuedAt, Instant evidenceAt) {
        Colour colour = assessment.colour();
        if (colour == null || !colour.higherThan(open == null ? null : open.colour())) {
            return Optional.empty();
        }
        String warningId = UUID.nameUUIDFromBytes(("warning|" + assessment.uscc() + "|" + triggerId + "|" + colour)
                .getBytes(StandardCharsets.UTF_8)).toString();
        String why = reason != null ? reason : "风险评估为" + colour;
        return Optional.of(new Warning(warningId, assessment.uscc(), profile.name(), assessment.regionCode(), colour,
                issuedAt, why, assessment.hardTrigger(), assessment.factors(),
                open == null ? null : open.warningId(), assessment.configVersion(), evidenceAt));
    }

    /** True when {@code event} closes {@code open} (CLEARED or SUPERSEDED of that very warning). */
    public boolean frees(Warning open, DisposalEvent event) {
        return open != null && event.toState() != null && open.warningId().equals(event.warningId())
                && (event.toState() == WarningState.CLEARED || event.toState() == WarningState.SUPERSEDED);
    }
}
