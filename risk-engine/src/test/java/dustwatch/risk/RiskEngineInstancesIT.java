package dustwatch.risk;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.risk.model.CleaningFactor;
import dustwatch.risk.stream.RiskTopology;
import dustwatch.risk.stream.kafka.RiskStreams;
import dustwatch.risk.stream.kafka.StreamsProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engine instances of one application on a real KRaft broker, each with its own {@code application.server}:
 * for every enterprise exactly one instance holds the state, that one answers it, and the other names that
 * instance as the one to ask ({@code heldElsewhere}; the HTTP relay itself is {@code AssessmentControllerTest}'s).
 * So a query reaches every enterprise from either instance.
 */
class RiskEngineInstancesIT {
    private static final String APP = "dustwatch-risk-engine-instances-it";
    private static final String FIRST = "127.0.0.1:18201";
    private static final String SECOND = "127.0.0.1:18202";
    private static EmbeddedKafkaKraftBroker broker;
    private static Path stateDir;

    @BeforeAll
    static void startBroker() throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka")).setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("kafka")).setLevel(ch.qos.logback.classic.Level.WARN);
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALL.stream().map(Topic::name).toArray(String[]::new));
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        stateDir = Files.createDirectories(Path.of("target", "risk-instances-it", UUID.randomUUID().toString()));
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private static RiskStreams instance(String server, String dir) {
        RiskTopology topology = new RiskTopology(ShippedConfig.rules(), ShippedConfig.model(), ShippedConfig.engine());
        StreamsProperties streams = new StreamsProperties(APP, broker.getBrokersAsString(),
                stateDir.resolve(dir).toString(), (short) 1, 3, Duration.ofSeconds(20));
        return new RiskStreams(topology, streams, null, new CleaningFactor(ShippedConfig.model().factors().cleaning()),
                Map.of("application.server", server));
    }

    @Test
    void everyEnterpriseIsHeldByExactlyOneInstanceAndTheOtherPointsToIt() throws Exception {
        List<String> usccs = new ArrayList<>();
        for (int e = 0; e < 12; e++) {
            usccs.add(Fixtures.usccOf(String.format("91350304MC%07d", e)));
        }
        RiskStreams first = instance(FIRST, "first");
        RiskStreams second = instance(SECOND, "second");
        first.start();
        second.start();
        try {
            try (KafkaProducer<String, Object> producer = producer()) {
                var template = Fixtures.woodPlant();
                for (String uscc : usccs) {
                    producer.send(new ProducerRecord<>(Topics.REGISTRY.name(), uscc, new EnterpriseProfile(uscc, "企业" + uscc,
                            Fixtures.HUANGSHI, template.dustType(), template.dustWorkers(), true, List.of(), Instant.now())));
                }
                producer.flush();
            }
            Instant deadline = Instant.now().plusSeconds(90);
            Map<String, String> holders = Map.of();
            while (Instant.now().isBefore(deadline)) {
                holders = holders(usccs, first, second);
                if (holders.size() == usccs.size()) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(holders).as("each enterprise answered by its holder").hasSize(usccs.size());
            assertThat(holders.values()).as("the work is shared: both instances hold some").contains(FIRST, SECOND);
        } finally {
            first.stop();
            second.stop();
        }
    }

    /**
     * Per enterprise, the instance that answers it itself while the other names that instance; an enterprise is
     * left out while either instance is not running, or while the two disagree (a rebalance).
     */
    private static Map<String, String> holders(List<String> usccs, RiskStreams first, RiskStreams second) {
        if (first.state() != KafkaStreams.State.RUNNING || second.state() != KafkaStreams.State.RUNNING) {
            return Map.of();
        }
        Map<String, String> holders = new java.util.HashMap<>();
        for (String uscc : usccs) {
            try {
                Optional<URI> fromFirst = first.heldElsewhere(uscc);
                Optional<URI> fromSecond = second.heldElsewhere(uscc);
                if (fromFirst.isEmpty() && fromSecond.equals(Optional.of(URI.create("http://" + FIRST)))
                        && first.status(uscc).isPresent()) {
                    holders.put(uscc, FIRST);
                } else if (fromSecond.isEmpty() && fromFirst.equals(Optional.of(URI.create("http://" + SECOND)))
                        && second.status(uscc).isPresent()) {
                    holders.put(uscc, SECOND);
                }
            } catch (RuntimeException rebalancing) {
                return Map.of();
            }
        }
        return holders;
    }

    private static KafkaProducer<String, Object> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Serializer<Object> values = (topic, data) -> data == null ? null : Json.MAPPER.writeValueAsBytes(data);
        return new KafkaProducer<>(p, Topics.REGISTRY.keySerde().serializer(), values);
    }
}
