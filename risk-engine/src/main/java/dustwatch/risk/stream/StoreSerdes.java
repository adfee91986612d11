package dustwatch.risk.stream;

import dustwatch.contracts.topic.JsonSerde;
import dustwatch.risk.alarm.RuleState;
import dustwatch.risk.model.EnterpriseRiskState;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes of the engine's private state-store values, which no topic carries (so {@code Topics} has none).
 * Contract types in stores use their topic's serde instead. JSON with the wire mapper, like every topic.
 */
final class StoreSerdes {
    static final Serde<RuleState> RULE_STATE = new JsonSerde<>(RuleState.class);
    static final Serde<FanState> FAN_STATE = new JsonSerde<>(FanState.class);
    static final Serde<SeenEvents> SEEN_EVENTS = new JsonSerde<>(SeenEvents.class);
    static final Serde<EnterpriseRiskState> ENTERPRISE_STATE = new JsonSerde<>(EnterpriseRiskState.class);

    private StoreSerdes() {
    }
}
