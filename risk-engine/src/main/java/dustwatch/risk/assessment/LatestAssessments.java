package dustwatch.risk.assessment;

import dustwatch.contracts.risk.RiskAssessment;

import java.util.Optional;

/** Where the latest risk assessment (风险评估结果) of each enterprise can be looked up. */
public interface LatestAssessments {

    /**
     * The latest assessment of an enterprise.
     *
     * @param uscc the enterprise's USCC
     * @return empty when the engine has not assessed the enterprise
     * @throws AssessmentsUnavailableException when the store cannot be read right now (starting, rebalancing)
     */
    Optional<RiskAssessment> find(String uscc);

    /**
     * The whole risk picture of an enterprise.
     *
     * @param uscc the enterprise's USCC
     * @return empty when the engine does not know the enterprise
     * @throws AssessmentsUnavailableException when the stores cannot be read right now (starting, rebalancing)
     */
    Optional<EnterpriseStatus> status(String uscc);
}
