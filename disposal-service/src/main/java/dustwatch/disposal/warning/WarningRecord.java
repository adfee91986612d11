package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;

import java.time.Instant;

/**
 * The stored state of one warning case (预警): what the risk engine issued, where it is in its closed loop,
 * and its deadlines.
 *
 * @param warningId         the warning's id (from the risk engine)
 * @param uscc              the enterprise's USCC
 * @param enterpriseName    its registered name
 * @param regionCode        its region (district or town)
 * @param colour            BLUE, YELLOW, ORANGE or RED
 * @param reason            the risk engine's sentence naming the main cause
 * @param hardTrigger       the hard trigger that forced red, or null
 * @param issuedAt          when the risk engine issued it; deadlines count from here
 * @param supersedes        the lower-colour warning this one replaced, or null
 * @param riskConfigVersion the risk-model configuration that produced it
 * @param state             the lifecycle state
 * @param verifyingTier     the tier that clears it (domain reference §4.3)
 * @param deadlines         sign-in, feedback and clear deadlines (domain reference §4.4)
 * @param version           optimistic-lock version, incremented by every stored transition
 * @param signedInBy        username of who signed it in (签收), null before; the verifier must be someone else
 */
public record WarningRecord(
        String warningId,
        String uscc,
        String enterpriseName,
        RegionCode regionCode,
        Colour colour,
        String reason,
        String hardTrigger,
        Instant issuedAt,
        String supersedes,
        String riskConfigVersion,
        WarningState state,
        Tier verifyingTier,
        Deadlines deadlines,
        long version,
        String signedInBy) {

    /** True when the clear deadline has passed at {@code now} and the case is not closed (cleared or superseded). */
    public boolean overdue(Instant now) {
        return !state.closed() && now.isAfter(deadlines.clear());
    }

    WarningRecord withState(WarningState next) {
        return new WarningRecord(warningId, uscc, enterpriseName, regionCode, colour, reason, hardTrigger, issuedAt,
                supersedes, riskConfigVersion, next, verifyingTier, deadlines, version, signedInBy);
    }

    WarningRecord withSignedInBy(String username) {
        return new WarningRecord(warningId, uscc, enterpriseName, regionCode, colour, reason, hardTrigger, issuedAt,
                supersedes, riskConfigVersion, state, verifyingTier, deadlines, version, username);
    }
}
