package dustwatch.risk.stream.kafka;

import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.risk.assessment.AssessmentsUnavailableException;
import dustwatch.risk.assessment.EnterpriseStatus;
import dustwatch.risk.assessment.LatestAssessments;
import dustwatch.risk.model.CleaningFactor;
import dustwatch.risk.model.EnterpriseRiskState;
import dustwatch.risk.stream.RiskTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The running Kafka Streams client of the risk engine: started with the application context (after the topics
 * exist), closed on shutdown. Runs {@code exactly_once_v2} (so its producers are idempotent with
 * {@code acks=all} and its consumers read committed); a record that cannot be read or processed is logged and
 * skipped rather than stopping the engine; a failed stream thread is replaced. Also answers interactive
 * queries of the latest assessments and reports its state as a health contributor ({@code riskStreams}).
 *
 * <p>Single-instance queries: with several instances, an enterprise whose partition lives elsewhere answers
 * empty (no {@code application.server} forwarding yet). Besides the latest assessment, answers an enterprise's
 * whole status from its {@code EnterpriseRiskState}.
 */
public class RiskStreams implements SmartLifecycle, LatestAssessments, HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(RiskStreams.class);

    private final RiskTopology topology;
    private final StreamsProperties properties;
    private final MeterRegistry meters;
    private final CleaningFactor cleaning;
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics metrics;
    private final java.util.Map<String, String> overrides;

    /**
     * @param topology   the topology to run
     * @param properties client settings
     * @param meters     where to publish Kafka Streams metrics, may be null
     * @param cleaning   the cleaning factor, for compliance figures
     */
    public RiskStreams(RiskTopology topology, StreamsProperties properties, MeterRegistry meters, CleaningFactor cleaning) {
        this(topology, properties, meters, cleaning, java.util.Map.of());
    }

    /** @param overrides further client settings ({@link StreamsClientProperties}), applied last */
    public RiskStreams(RiskTopology topology, StreamsProperties properties, MeterRegistry meters, CleaningFactor cleaning,
                       java.util.Map<String, String> overrides) {
        this.overrides = overrides;
        this.cleaning = cleaning;
        this.topology = topology;
        this.properties = properties;
        this.meters = meters;
    }

    /** The client configuration: {@code exactly_once_v2}, the configured application id, servers and state dir. */
    Properties streamsConfig() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) properties.replicationFactor());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        p.putAll(overrides);
        return p;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        KafkaStreams client = new KafkaStreams(topology.build(), streamsConfig());
        client.setUncaughtExceptionHandler(e -> {
            log.error("risk-engine stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        client.setStateListener((now, before) -> log.info("risk-engine streams {} -> {}", before, now));
        if (meters != null) {
            metrics = new KafkaStreamsMetrics(client);
            metrics.bindTo(meters);
        }
        client.start();
        streams = client;
    }

    @Override
    public synchronized void stop() {
        KafkaStreams client = streams;
        streams = null;
        if (client != null) {
            client.close(properties.closeTimeout());
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The client's state, or NOT_RUNNING before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams client = streams;
        return client == null ? KafkaStreams.State.NOT_RUNNING : client.state();
    }

    @Override
    public Optional<RiskAssessment> find(String uscc) {
        KafkaStreams client = streams;
        if (client == null || client.state() != KafkaStreams.State.RUNNING) {
            throw new AssessmentsUnavailableException("streams are " + state(), null);
        }
        try {
            ReadOnlyKeyValueStore<String, RiskAssessment> store = client.store(StoreQueryParameters
                    .fromNameAndType(RiskTopology.ASSESSMENTS, QueryableStoreTypes.<String, RiskAssessment>keyValueStore()));
            return Optional.ofNullable(store.get(uscc));
        } catch (InvalidStateStoreException e) {
            throw new AssessmentsUnavailableException("the assessment store is not queryable (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Optional<java.net.URI> heldElsewhere(String uscc) {
        String self = streamsConfig().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
        if (self == null || self.isBlank()) {
            return Optional.empty();
        }
        KafkaStreams client = streams;
        if (client == null || client.state() != KafkaStreams.State.RUNNING) {
            throw new AssessmentsUnavailableException("streams are " + state(), null);
        }
        KeyQueryMetadata owner = client.queryMetadataForKey(RiskTopology.ENTERPRISE_STATES, uscc, Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new AssessmentsUnavailableException("no instance holds the enterprise's state right now", null);
        }
        HostInfo active = owner.activeHost();
        if ((active.host() + ":" + active.port()).equals(self.trim())) {
            return Optional.empty();
        }
        return Optional.of(java.net.URI.create("http://" + active.host() + ":" + active.port()));
    }

    @Override
    public Optional<EnterpriseStatus> status(String uscc) {
        KafkaStreams client = streams;
        if (client == null || client.state() != KafkaStreams.State.RUNNING) {
            throw new AssessmentsUnavailableException("streams are " + state(), null);
        }
        try {
            EnterpriseRiskState s = client.store(StoreQueryParameters.fromNameAndType(RiskTopology.ENTERPRISE_STATES,
                    QueryableStoreTypes.<String, EnterpriseRiskState>keyValueStore())).get(uscc);
            if (s == null || s.profile() == null) {
                return Optional.empty();
            }
            RiskAssessment latest = find(uscc).orElse(null);
            return Optional.of(EnterpriseStatuses.of(s, latest, cleaning, Instant.now()));
        } catch (InvalidStateStoreException e) {
            throw new AssessmentsUnavailableException("the enterprise state store is not queryable (" + e.getMessage() + ")", e);
        }
    }

    /** UP while running or rebalancing, DOWN otherwise; the state as detail. */
    @Override
    public Health health() {
        KafkaStreams.State s = state();
        Health.Builder builder = s.isRunningOrRebalancing() ? Health.up() : Health.down();
        return builder.withDetail("state", s.name()).withDetail("applicationId", properties.applicationId()).build();
    }
}
