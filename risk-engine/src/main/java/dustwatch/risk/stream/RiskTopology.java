package dustwatch.risk.stream;

import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.risk.alarm.AlarmRule;
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

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The risk engine's topology (plain Kafka Streams Processor API, no Spring). Every source is keyed by USCC and
 * equally partitioned, so one enterprise's inputs meet in one task without a repartition topic:
 *
 * <pre>
 *  dust.realtime ─────────► alarms ──► dust.alarm
 *                              │ ReadingsApplied
 *  dust.registry ──► registry ─┤
 *  dust.heartbeat ─► heartbeat ┤
 *  dust.filing ────► filing ───┤
 *  dust.cleaning-plan ► plan ──┼──► assessment ──► dust.risk-assessments, dust.warning, dust.offline
 *  dust.cleaning ──► check-in ─┤         ▲ wall-clock punctuator (offline, re-assessment)
 *  dust.disposal-events ► disp ┘
 *  (any of them) ──────────────────────────────► dust.dead-letter
 * </pre>
 *
 * The alarm processor owns fan and rule states; the assessment processor owns one {@code EnterpriseRiskState}
 * per enterprise (which the alarm processor reads for registration, filings and the gateways' latest live
 * times). Readings use event time (their collect time); registry records are stamped epoch 0 so a profile
 * buffered with readings is applied first. Stores: {@link #ENTERPRISE_STATES}, {@link #RULE_STATES},
 * {@link #FAN_STATES}, {@link #ASSESSMENTS} (queried by the HTTP API), {@link #SEEN_EVENTS}.
 */
public final class RiskTopology {
    /** {@code EnterpriseRiskState} per USCC. */
    public static final String ENTERPRISE_STATES = "risk-enterprise-states";
    /** {@code RuleState} per {@code {uscc}|{pointCode}|{ruleId}}. */
    public static final String RULE_STATES = "risk-rule-states";
    /** {@code FanState} per collector code. */
    public static final String FAN_STATES = "risk-fan-states";
    /** Latest {@code RiskAssessment} per USCC. */
    public static final String ASSESSMENTS = "risk-latest-assessments";
    /** {@code SeenEvents} per USCC. */
    public static final String SEEN_EVENTS = "risk-seen-events";

    static final String SERVICE = "risk-engine";
    static final String ALARMS = "alarms";
    static final String ASSESSMENT = "assessment";
    static final String ALARMS_SINK = "alarms-sink";
    static final String ASSESSMENTS_SINK = "assessments-sink";
    static final String WARNINGS_SINK = "warnings-sink";
    static final String OFFLINE_SINK = "offline-sink";
    static final String DEAD_LETTER_SINK = "dead-letter-sink";

    private final AlarmRuleProperties rules;
    private final RiskModelProperties model;
    private final EngineProperties engine;
    private final LongAdder unregisteredSkipped = new LongAdder();
    private final LongAdder lateBatches = new LongAdder();
    private final ProducedCounts produced = new ProducedCounts();
    private boolean inMemoryStores;

    /**
     * @param rules  the alarm rules ({@code dustwatch.risk.alarm-rules})
     * @param model  the risk model ({@code dustwatch.risk.model.*})
     * @param engine time semantics and punctuation ({@code dustwatch.risk.engine.*})
     * @throws IllegalArgumentException when a hard trigger names a rule that is not configured
     */
    public RiskTopology(AlarmRuleProperties rules, RiskModelProperties model, EngineProperties engine) {
        this.rules = rules;
        this.model = model;
        this.engine = engine;
        model.hardTriggers().forEach(t -> t.allOf().forEach(id -> {
            if (rules.rule(id) == null) {
                throw new IllegalArgumentException("dustwatch.risk.model.hard-triggers: " + t.id()
                        + " names rule " + id + ", which dustwatch.risk.alarm-rules does not configure");
            }
        }));
    }

    /**
     * Keeps the stores in memory instead of RocksDB: for topology tests that pipe thousands of records (the test
     * driver flushes every store after each record). The service always runs persistent stores.
     */
    RiskTopology inMemoryStores() {
        inMemoryStores = true;
        return this;
    }

    /** Reading batches skipped because their enterprise is not (yet) in the registry, since start. */
    public long unregisteredSkipped() {
        return unregisteredSkipped.sum();
    }

    /** Reading batches taken as late or RESEND (history only), since start. */
    public long lateBatches() {
        return lateBatches.sum();
    }

    /** Alarms by severity and warnings by colour written to their topics, since start. */
    public ProducedCounts produced() {
        return produced;
    }

    /** Builds the topology; each call returns a new one. */
    public Topology build() {
        Topology topology = new Topology();
        source(topology, "readings-source", Topics.READINGS, new CollectTimeExtractor());
        source(topology, "registry-source", Topics.REGISTRY, new RegistryFirstExtractor());
        source(topology, "heartbeats-source", Topics.HEARTBEATS, null);
        source(topology, "filings-source", Topics.FILINGS, null);
        source(topology, "cleaning-plans-source", Topics.CLEANING_PLANS, null);
        source(topology, "check-ins-source", Topics.CLEANING_CHECK_INS, null);
        source(topology, "disposal-source", Topics.DISPOSAL_EVENTS, null);

        topology.addProcessor(ALARMS, () -> new AlarmProcessor(rules, engine, unregisteredSkipped, lateBatches),
                "readings-source");
        adapter(topology, "registry", "registry-source", Topics.REGISTRY, RiskInput.ProfileChanged::new, true);
        adapter(topology, "heartbeat", "heartbeats-source", Topics.HEARTBEATS, RiskInput.HeartbeatReceived::new, false);
        adapter(topology, "filing", "filings-source", Topics.FILINGS, RiskInput.FilingReceived::new, false);
        adapter(topology, "cleaning-plan", "cleaning-plans-source", Topics.CLEANING_PLANS,
                RiskInput.CleaningPlanReceived::new, false);
        adapter(topology, "check-in", "check-ins-source", Topics.CLEANING_CHECK_INS, RiskInput.CheckInReceived::new, false);
        adapter(topology, "disposal", "disposal-source", Topics.DISPOSAL_EVENTS, RiskInput.DisposalReported::new, false);
        Set<String> hardTriggerRules = rules.alarmRules().stream().filter(AlarmRule::hardTrigger).map(AlarmRule::id)
                .collect(Collectors.toSet());
        topology.addProcessor(ASSESSMENT, () -> new AssessmentProcessor(new RiskModel(model), new WarningIssuer(), engine,
                hardTriggerRules), ALARMS, "registry", "heartbeat", "filing", "cleaning-plan", "check-in", "disposal");

        topology.addStateStore(store(ENTERPRISE_STATES, StoreSerdes.ENTERPRISE_STATE), ALARMS, ASSESSMENT);
        topology.addStateStore(store(RULE_STATES, StoreSerdes.RULE_STATE), ALARMS);
        topology.addStateStore(store(FAN_STATES, StoreSerdes.FAN_STATE), ALARMS);
        topology.addStateStore(store(ASSESSMENTS, Topics.RISK_ASSESSMENTS.valueSerde()), ASSESSMENT);
        topology.addStateStore(store(SEEN_EVENTS, StoreSerdes.SEEN_EVENTS), ALARMS, ASSESSMENT);

        topology.addSink(ALARMS_SINK, Topics.ALARMS.name(), Topics.ALARMS.keySerde().serializer(),
                produced.countingAlarms(Topics.ALARMS.valueSerde().serializer()), ALARMS);
        sink(topology, ASSESSMENTS_SINK, Topics.RISK_ASSESSMENTS, ASSESSMENT);
        topology.addSink(WARNINGS_SINK, Topics.WARNINGS.name(), Topics.WARNINGS.keySerde().serializer(),
                produced.countingWarnings(Topics.WARNINGS.valueSerde().serializer()), ASSESSMENT);
        sink(topology, OFFLINE_SINK, Topics.OFFLINE, ASSESSMENT);
        sink(topology, DEAD_LETTER_SINK, Topics.DEAD_LETTER, ALARMS, ASSESSMENT, "registry", "heartbeat", "filing",
                "cleaning-plan", "check-in", "disposal");
        return topology;
    }

    private static <V> void adapter(Topology topology, String name, String sourceName, Topic<String, V> topic,
                                    Function<V, RiskInput> mapping, boolean allowNull) {
        topology.addProcessor(name, () -> new ToInput<>(topic.name(), mapping, allowNull), sourceName);
    }

    private static <V> void source(Topology topology, String name, Topic<String, V> topic, TimestampExtractor extractor) {
        topology.addSource(AutoOffsetReset.earliest(), name, extractor, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer(), topic.name());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <V> void sink(Topology topology, String name, Topic<String, V> topic, String... parents) {
        topology.addSink(name, topic.name(), topic.keySerde().serializer(), (org.apache.kafka.common.serialization.Serializer) topic.valueSerde().serializer(), parents);
    }

    private <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(inMemoryStores ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
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
