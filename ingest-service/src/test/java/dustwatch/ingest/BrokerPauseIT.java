package dustwatch.ingest;

import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A 503 keeps nothing, also when the broker comes back late": a real broker in its own JVM is frozen with
 * SIGSTOP while a push is being sent (its records already sit in the broker's socket), the push is answered 503,
 * the broker is resumed with SIGCONT and receives those records late. A {@code read_committed} consumer of
 * {@code dust.realtime} must never see them and no receipt may exist; a {@code read_uncommitted} consumer shows that
 * they did reach the log (what made the old non-transactional producer duplicate them on the resend).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IngestApplication.class, IngestIT.Tokens.class})
class BrokerPauseIT {
    static final EmbeddedPostgres PG;
    static final ChildBroker BROKER;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static {
        try {
            PG = EmbeddedPostgres.builder().start();
            BROKER = ChildBroker.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PG.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrap);
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "2000");
        registry.add("dustwatch.ingest.send-timeout", () -> "3s");
        registry.add("dustwatch.ingest.transaction-id-prefix", () -> "ingest-pause-it-" + RUN + "-");
    }

    @AfterAll
    static void stop() throws IOException {
        BROKER.close();
        PG.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> push(String... msgIds) throws Exception {
        List<String> messages = new ArrayList<>();
        for (String id : msgIds) {
            messages.add(IngestIT.realtime(id, Duration.ofMinutes(1), 0));
        }
        String body = "{\"messages\":[" + String.join(",", messages) + "]}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/messages"))
                .header("Authorization", "Bearer putian-node").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Pushes again every second while answered 503, for at most 60 s. */
    HttpResponse<String> pushUntilAccepted(String... msgIds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> r = push(msgIds);
        while (r.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            r = push(msgIds);
        }
        return r;
    }

    @Test
    void aPushAnswered503WhileTheBrokerIsPausedLeavesNoCommittedEventAndNoReceipt() throws Exception {
        jdbc.sql("""
                INSERT INTO ingest.enterprise (uscc, name, region_code, dust_type, dust_workers, ignition_prone_process,
                    collectors, updated_at, updated_by)
                VALUES (:u, '黄石金榕木艺有限公司', '350304101', 'WOOD', 42, true,
                    CAST(:collectors AS jsonb), now(), 'test')
                ON CONFLICT (uscc) DO NOTHING
                """).param("u", HUANGSHI_WOOD)
                .param("collectors", "[{\"code\":\"" + HUANGSHI_WOOD + "-DC001\",\"type\":\"DRY_BAG\",\"indoor\":true}]")
                .update();
        String before = "pause-" + RUN + "-before";
        // the first transaction also creates the broker's transaction log: resend until taken, as a node would
        assertThat(pushUntilAccepted(before).statusCode()).isEqualTo(202);

        List<String> lost = List.of("pause-" + RUN + "-a", "pause-" + RUN + "-b", "pause-" + RUN + "-c");
        BROKER.signal("STOP");
        HttpResponse<String> during;
        try {
            during = push(lost.toArray(String[]::new));
        } finally {
            BROKER.signal("CONT");
        }
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.body()).contains("nothing was kept");

        // the resend after the broker is back is accepted once
        String after = "pause-" + RUN + "-after";
        HttpResponse<String> resend = pushUntilAccepted(lost.get(0), lost.get(1), lost.get(2), after);
        assertThat(resend.statusCode()).isEqualTo(202);

        assertThat(jdbc.sql("SELECT msg_id FROM ingest.receipt WHERE msg_id LIKE :p ORDER BY msg_id")
                .param("p", "pause-" + RUN + "%").query(String.class).list())
                .containsExactlyInAnyOrder(before, lost.get(0), lost.get(1), lost.get(2), after);

        // every committed event once: the records of the 503 push were aborted
        List<String> committed = eventIds("read_committed", 5);
        assertThat(committed).containsExactlyInAnyOrder(before, lost.get(0), lost.get(1), lost.get(2), after);
        // Whether the aborted records of the 503 push also reached the broker's log (where, without the transaction,
        // they would be events twice) depends on whether the producer had sent them before it was discarded: seen
        // both ways (CI clone, 6 Dec), so it is not asserted; read_uncommitted shows them at most once more.
        List<String> everything = eventIds("read_uncommitted", 8);
        assertThat(everything).filteredOn(lost.get(0)::equals).hasSizeBetween(1, 2);
    }

    /** The event ids on dust.realtime of this run, read from the start until {@code expected} or 20 s. */
    List<String> eventIds(String isolation, int expected) {
        Deserializer<ReadingBatch> values = Topics.READINGS.valueSerde().deserializer();
        try (KafkaConsumer<String, ReadingBatch> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "pause-it-" + isolation + "-" + RUN,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.READINGS.name()));
            List<String> ids = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ReadingBatch> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && r.value().eventId().startsWith("pause-" + RUN)) {
                        ids.add(r.value().eventId());
                    }
                }
                if (ids.size() >= expected) {
                    // a little longer: a duplicate would arrive right behind
                    for (ConsumerRecord<String, ReadingBatch> r : consumer.poll(Duration.ofSeconds(2))) {
                        if (r.value() != null && r.value().eventId().startsWith("pause-" + RUN)) {
                            ids.add(r.value().eventId());
                        }
                    }
                    break;
                }
            }
            return ids;
        }
    }

    /** A single-node KRaft broker in a child JVM (this test's classpath), so that it can be paused with SIGSTOP. */
    static final class ChildBroker implements AutoCloseable {
        private final Process process;
        private final String bootstrap;

        private ChildBroker(Process process, String bootstrap) {
            this.process = process;
            this.bootstrap = bootstrap;
        }

        static ChildBroker start() throws IOException {
            int port = freePort();
            int controller = freePort();
            Path dir = Files.createTempDirectory("broker-pause-it");
            Path config = dir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller", "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controller,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("logs"), "num.partitions=3", "auto.create.topics.enable=false",
                    "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0", ""));
            Path logback = dir.resolve("logback.xml");
            Files.writeString(logback, """
                    <configuration><appender name="o" class="ch.qos.logback.core.ConsoleAppender"><encoder>
                    <pattern>%d %p %c{1} %m%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="o"/></root>
                    </configuration>""");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> jvm = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logback,
                    "-cp", System.getProperty("java.class.path"));
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--ignore-formatted"));
            try {
                Process f = new ProcessBuilder(format).redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
                if (!f.waitFor(60, TimeUnit.SECONDS) || f.exitValue() != 0) {
                    throw new IllegalStateException("kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
                }
                List<String> server = new ArrayList<>(jvm);
                server.addAll(List.of("kafka.Kafka", config.toString()));
                Process p = new ProcessBuilder(server).redirectErrorStream(true).redirectOutput(dir.resolve("kafka.log").toFile()).start();
                ChildBroker broker = new ChildBroker(p, "127.0.0.1:" + port);
                try {
                    broker.awaitTopic();
                } catch (RuntimeException e) {
                    broker.close();
                    throw e;
                }
                return broker;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void awaitTopic() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            RuntimeException last = null;
            while (System.nanoTime() < deadline && process.isAlive()) {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
                    var created = admin.createTopics(List.of(Topics.READINGS.newTopic(3, (short) 1),
                            Topics.HEARTBEATS.newTopic(3, (short) 1), Topics.REGISTRY.newTopic(3, (short) 1))).values();
                    for (var topic : created.values()) {
                        try {
                            topic.get(10, TimeUnit.SECONDS);
                        } catch (java.util.concurrent.ExecutionException e) {
                            // an earlier attempt that timed out on our side may have created it: that is what we want
                            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                                throw e;
                            }
                        }
                    }
                    return;
                } catch (Exception e) {
                    last = new IllegalStateException(e);
                    Thread.sleep(500);
                }
            }
            throw new IllegalStateException("the child broker did not come up", last);
        }

        String bootstrap() {
            return bootstrap;
        }

        /** {@code kill -<signal>} the broker JVM (STOP freezes it with its sockets open, CONT resumes it). */
        void signal(String signal) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
