package dustwatch.deploy.stack;

import dustwatch.contracts.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) run from Kafka's own jars in a
 * child JVM, with every dustwatch topic created at start. Replication factors are 1: this is the local
 * stack, not production.
 */
public final class KafkaBroker implements AutoCloseable {
    /**
     * Partitions of every topic: the same everywhere, so that one enterprise's records meet in one task. The one
     * setting {@code KAFKA_PARTITIONS} (environment), which the services started with this broker read too; 3 when unset.
     */
    public static final int PARTITIONS = partitions(System.getenv("KAFKA_PARTITIONS"));

    static int partitions(String setting) {
        if (setting == null || setting.isBlank()) {
            return 3;
        }
        int n = Integer.parseInt(setting.trim());
        if (n <= 0) {
            throw new IllegalArgumentException("KAFKA_PARTITIONS must be positive, was " + setting);
        }
        return n;
    }

    private final ChildProcess process;
    private final String bootstrap;

    private KafkaBroker(ChildProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /**
     * Formats the log directory under {@code dataDir} unless it is formatted already (a restart keeps it), starts
     * the broker and creates the topics that are missing.
     *
     * @param java      the java executable
     * @param classpath a classpath holding {@code org.apache.kafka:kafka_2.13} and log4j
     * @throws IllegalStateException when the broker does not come up within 60 s
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, String java, String classpath) {
        try {
            Path logs = dataDir.resolve("kafka-logs");
            Files.createDirectories(logs);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + logs.toAbsolutePath(),
                    "num.partitions=" + PARTITIONS,
                    "auto.create.topics.enable=false",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
            Path log4j = dataDir.resolve("kafka-log4j2.properties");
            Files.writeString(log4j, String.join("\n",
                    "rootLogger.level=WARN", "rootLogger.appenderRef.out.ref=out",
                    "appender.out.type=Console", "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout", "appender.out.layout.pattern=%d %p %c{1} %m%n",
                    "logger.kafka.name=kafka.server.KafkaRaftServer", "logger.kafka.level=INFO", ""));
            List<String> jvm = List.of(java, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "-cp", classpath);
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--ignore-formatted"));
            // a restart after a crash keeps the formatted log directory (a new format would name another cluster id)
            if (!Files.exists(logs.resolve("meta.properties"))) {
                ChildProcess.run("kafka storage format", format, Map.of(), dataDir, dataDir.resolve("logs/kafka-format.log"),
                        Duration.ofSeconds(60));
            }
            List<String> server = new ArrayList<>(jvm);
            server.addAll(List.of("kafka.Kafka", config.toString()));
            ChildProcess child = ChildProcess.start("kafka", server, Map.of(), dataDir, dataDir.resolve("logs/kafka.log"));
            String bootstrap = "127.0.0.1:" + port;
            KafkaBroker broker = new KafkaBroker(child, bootstrap);
            try {
                Wait.until("kafka broker", Duration.ofSeconds(Long.getLong("dustwatch.stack.ready-timeout-seconds", 120)), child,
                        broker::createTopics);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates every topic of {@link Topics#ALL}; true once the broker answered and they exist. */
    private boolean createTopics() {
        if (!process.isAlive()) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            var existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> t.newTopic(PARTITIONS, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return bootstrap;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public String toString() {
        return "kafkabroker";
    }

    @Override
    public void close() {
        process.close();
    }
}
