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

    /**
     * Where the enterprise's state lives when several engine instances share the work (Kafka Streams
     * {@code application.server}): the base URI of the instance that holds it, or empty when it is this
     * instance, or when only this instance runs (no {@code application.server} set).
     *
     * @throws AssessmentsUnavailableException when no instance holds it right now (rebalancing)
     */
    default Optional<java.net.URI> heldElsewhere(String uscc) {
        return Optional.empty();
    }
}
