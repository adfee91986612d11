package dustwatch.contracts.warning;

import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.RiskFactor;

import java.time.Instant;
import java.util.List;

/**
 * A warning (预警): an enterprise's risk colour turned into an event to be disposed of. The value on
 * {@code dust.warning}. A higher colour supersedes an open lower one (domain reference §3.2 hysteresis).
 *
 * @param warningId      id of the warning (consumers are idempotent on it)
 * @param uscc           enterprise code
 * @param enterpriseName registered name, for people reading a console
 * @param regionCode     the enterprise's region
 * @param colour         BLUE, YELLOW, ORANGE or RED
 * @param issuedAt       when the platform issued it (wall-clock time); deadlines count from here
 * @param reason         a human sentence naming the main cause
 * @param hardTrigger    the hard trigger that forced red, or null
 * @param factors        the contributing factors of the assessment
 * @param supersedes     id of the lower-colour warning this one replaces, or null
 * @param configVersion  version of the risk-model configuration used
 * @param evidenceAt     collect time of the latest evidence the assessment saw (may be before {@code issuedAt})
 */
public record Warning(
        String warningId,
        String uscc,
        String enterpriseName,
        String regionCode,
        Colour colour,
        Instant issuedAt,
        String reason,
        String hardTrigger,
        List<RiskFactor> factors,
        String supersedes,
        String configVersion,
        Instant evidenceAt) {

    public Warning {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /** A warning whose evidence time is its issue time (producers that know no other). */
    public Warning(String warningId, String uscc, String enterpriseName, String regionCode, Colour colour,
                   Instant issuedAt, String reason, String hardTrigger, List<RiskFactor> factors, String supersedes,
                   String configVersion) {
        this(warningId, uscc, enterpriseName, regionCode, colour, issuedAt, reason, hardTrigger, factors, supersedes,
                configVersion, issuedAt);
    }
}
