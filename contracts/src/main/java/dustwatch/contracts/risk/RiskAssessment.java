package dustwatch.contracts.risk;

import java.time.Instant;
import java.util.List;

/**
 * An enterprise's risk at one moment (风险评估结果): the value on the compacted {@code dust.risk-assessments}.
 * Domain reference §3.2.
 *
 * @param uscc           enterprise code
 * @param regionCode     the enterprise's region
 * @param assessedAt     event time of the assessment
 * @param inherentScore  I, 0–100
 * @param inherentLevel  A–D
 * @param dynamicScore   D, 0–100
 * @param dynamicBand    NONE, L, M, H
 * @param colour         the colour of the matrix (or RED by a hard trigger); null when the band is NONE
 * @param hardTrigger    the hard trigger that forced red (一票否决), or null
 * @param factors        every contribution to I and D
 * @param configVersion  version of the risk-model configuration used
 */
public record RiskAssessment(
        String uscc,
        String regionCode,
        Instant assessedAt,
        double inherentScore,
        InherentLevel inherentLevel,
        double dynamicScore,
        DynamicBand dynamicBand,
        Colour colour,
        String hardTrigger,
        List<RiskFactor> factors,
        String configVersion) {

    public RiskAssessment {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }
}
