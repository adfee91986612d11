package dustwatch.risk.stream;

import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.JsonSerde;
import dustwatch.risk.alarm.RuleState;
import dustwatch.risk.model.EnterpriseRiskState;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serdes of the engine's private state-store values, which no topic carries (so {@code Topics} has none).
 * Contract types in stores use their topic's serde instead. JSON with {@link Json#DATA_KEYED}: the states are maps
 * keyed by point, gateway and event, names the wire mapper's symbol table must not collect.
 */
final class StoreSerdes {
    static final Serde<RuleState> RULE_STATE = new JsonSerde<>(RuleState.class, Json.DATA_KEYED);
    static final Serde<FanState> FAN_STATE = new JsonSerde<>(FanState.class, Json.DATA_KEYED);
    static final Serde<SeenEvents> SEEN_EVENTS = new JsonSerde<>(SeenEvents.class, Json.DATA_KEYED);
    static final Serde<EnterpriseRiskState> ENTERPRISE_STATE = new JsonSerde<>(EnterpriseRiskState.class, Json.DATA_KEYED);

    private StoreSerdes() {
    }
}
