package dustwatch.risk.stream;

import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.risk.alarm.AlarmEvaluator;
import dustwatch.risk.alarm.AlarmRuleProperties;
import dustwatch.risk.model.RiskModel;
import dustwatch.risk.model.RiskModelProperties;
import dustwatch.risk.warning.WarningIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.concurrent.atomic.LongAdder;

/**
 * The risk engine's topology (plain Kafka Streams Processor API, no Spring). Three sources, all keyed by USCC
 * and equally partitioned, feed processors that share one enterprise's state in one task, so there is no
 * repartition topic:
 *
 * <pre>
 *  dust.registry ─────────► registry  ──► store risk-profiles
 *  dust.realtime ─────────► readings  ──► dust.alarm, dust.risk-assessments, dust.warning
 *  dust.disposal-events ──► disposal  ──► store risk-open-warnings
 * </pre>
 *
 * Readings use event time: a batch's timestamp is its {@code collectTime}. Registry records are stamped
 * epoch 0 so that, when a profile and readings are buffered together, the profile is applied first (Streams
 * picks the lowest timestamp; the profile store's changelog is compacted, so the stamp removes nothing). Stores: {@link #PROFILES},
 * {@link #RULE_STATES}, {@link #FAN_STATES}, {@link #ASSESSMENTS} (queried by the HTTP API),
 * {@link #OPEN_WARNINGS}, {@link #SEEN_EVENTS}.
 */
public final class RiskTopology {
    /** Latest {@code EnterpriseProfile} per USCC (the registry as a table). */
    public static final String PROFILES = "risk-profiles";
    /** {@code RuleState} per {@code {uscc}|{pointCode}|{ruleId}}. */
    public static final String RULE_STATES = "risk-rule-states";
    /** {@code FanState} per collector code. */
    public static final String FAN_STATES = "risk-fan-states";
    /** Latest {@code RiskAssessment} per USCC. */
    public static final String ASSESSMENTS = "risk-latest-assessments";
    /** The open {@code Warning} per USCC. */
    public static final String OPEN_WARNINGS = "risk-open-warnings";
    /** {@code SeenEvents} per USCC. */
    public static final String SEEN_EVENTS = "risk-seen-events";

    static final String ALARMS_SINK = "alarms-sink";
    static final String ASSESSMENTS_SINK = "assessments-sink";
    static final String WARNINGS_SINK = "warnings-sink";

    private final AlarmRuleProperties rules;
    private final RiskModelProperties model;
    private final LongAdder unregisteredSkipped = new LongAdder();

    /**
     * @param rules the alarm rules ({@code dustwatch.risk.alarm-rules})
     * @param model the risk model ({@code dustwatch.risk.model.*})
     */
    public RiskTopology(AlarmRuleProperties rules, RiskModelProperties model) {
        this.rules = rules;
        this.model = model;
    }

    /** Reading batches skipped because their enterprise is not (yet) in the registry, since start. */
    public long unregisteredSkipped() {
        return unregisteredSkipped.sum();
    }

    /** Builds the topology; each call returns a new one. */
    public Topology build() {
        Topology topology = new Topology();
        source(topology, "registry-source", Topics.REGISTRY, new RegistryFirstExtractor());
        source(topology, "readings-source", Topics.READINGS, new CollectTimeExtractor());
        source(topology, "disposal-source", Topics.DISPOSAL_EVENTS, null);

        topology.addProcessor("registry", RegistryProcessor::new, "registry-source");
        topology.addProcessor("readings", () -> new ReadingsProcessor(rules, new AlarmEvaluator(rules.alarmConfigVersion()),
                new RiskModel(model), new WarningIssuer(), unregisteredSkipped), "readings-source");
        topology.addProcessor("disposal", () -> new DisposalProcessor(new WarningIssuer()), "disposal-source");

        topology.addStateStore(store(PROFILES, Topics.REGISTRY.valueSerde()), "registry", "readings");
        topology.addStateStore(store(RULE_STATES, StoreSerdes.RULE_STATE), "readings");
        topology.addStateStore(store(FAN_STATES, StoreSerdes.FAN_STATE), "readings");
        topology.addStateStore(store(ASSESSMENTS, Topics.RISK_ASSESSMENTS.valueSerde()), "readings");
        topology.addStateStore(store(OPEN_WARNINGS, Topics.WARNINGS.valueSerde()), "readings", "disposal");
        topology.addStateStore(store(SEEN_EVENTS, StoreSerdes.SEEN_EVENTS), "readings", "disposal");

        sink(topology, ALARMS_SINK, Topics.ALARMS);
        sink(topology, ASSESSMENTS_SINK, Topics.RISK_ASSESSMENTS);
        sink(topology, WARNINGS_SINK, Topics.WARNINGS);
        return topology;
    }

    private static <V> void source(Topology topology, String name, Topic<String, V> topic, TimestampExtractor extractor) {
        topology.addSource(AutoOffsetReset.earliest(), name, extractor, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer(), topic.name());
    }

    private static <V> void sink(Topology topology, String name, Topic<String, V> topic) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), "readings");
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }

    /** Registry records sort before any reading buffered with them. */
    static final class RegistryFirstExtractor implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            return 0L;
        }
    }

    /** Event time of a reading batch: its collect time; the record timestamp when it has none. */
    static final class CollectTimeExtractor implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            if (record.value() instanceof ReadingBatch batch && batch.collectTime() != null) {
                return batch.collectTime().toEpochMilli();
            }
            return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
        }
    }
}
