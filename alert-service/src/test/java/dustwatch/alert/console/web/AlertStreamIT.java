package dustwatch.alert.console.web;

import dustwatch.support.security.FixedTokens;
import dustwatch.alert.AlertApplication;
import dustwatch.contracts.notification.Notification;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dustwatch.support.openapi.ApiDocsCoverage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dustwatch.alert.Fixtures.HUANGSHI;
import static dustwatch.alert.Fixtures.HUANGSHI_FURNITURE;
import static dustwatch.alert.Fixtures.LICHENG;
import static dustwatch.alert.Fixtures.PUTIAN;
import static dustwatch.alert.Fixtures.XINDU;
import static dustwatch.alert.Fixtures.huangshiWarning;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a random port against an embedded KRaft broker: warnings produced to {@code dust.warning} reach the
 * right consoles over real HTTP SSE connections and are logged on {@code dust.notifications}; the console log in an
 * embedded PostgreSQL.
 */
@SpringBootTest(classes = {AlertApplication.class, AlertStreamIT.Tokens.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dustwatch.alert.console.heartbeat=1s")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AlertStreamIT {
    private static final Duration ARRIVES = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private KafkaProducer<String, Warning> producer;
    private KafkaConsumer<String, Notification> notifications;

    @BeforeAll
    void kafkaClients() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"),
                Topics.WARNINGS.keySerde().serializer(), Topics.WARNINGS.valueSerde().serializer());
        notifications = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "alert-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.NOTIFICATIONS.keySerde().deserializer(), Topics.NOTIFICATIONS.valueSerde().deserializer());
        notifications.subscribe(List.of(Topics.NOTIFICATIONS.name()));
    }

    @AfterAll
    void closeKafkaClients() {
        producer.close();
        notifications.close();
    }

    private URI stream() {
        return URI.create("http://localhost:" + port + "/api/v1/alerts/stream");
    }

    private SseClient connect(String token) throws Exception {
        return SseClient.open(http, stream(), token);
    }

    private void produce(Warning warning) throws Exception {
        producer.send(Topics.WARNINGS.record(warning.uscc(), warning)).get();
    }

    /** As the risk engine writes a warning raised by a reading: with the push's trace context. */
    private void produce(Warning warning, String traceparent) throws Exception {
        var record = Topics.WARNINGS.record(warning.uscc(), warning);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static JsonNode json(SseClient.Event event) {
        return Json.MAPPER.readTree(event.data());
    }

    @Test
    void aYellowHuangshiWarningReachesLichengNotXinduAndIsLoggedPerAudience(CapturedOutput output) throws Exception {
        String warningId = "w-yellow-" + UUID.randomUUID();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (SseClient licheng = connect("licheng"); SseClient xindu = connect("xindu");
             SseClient putian = connect("putian")) {
            JsonNode lichengReady = json(licheng.next("ready", ARRIVES));
            assertThat(lichengReady.get("user").asString()).isEqualTo("licheng-duty");
            assertThat(lichengReady.get("tier").asString()).isEqualTo("DISTRICT");
            assertThat(lichengReady.get("region").asString()).isEqualTo(LICHENG);
            JsonNode xinduReady = json(xindu.next("ready", ARRIVES));
            assertThat(xinduReady.get("tier").asString()).isEqualTo("TOWN");
            assertThat(xinduReady.get("region").asString()).isEqualTo(XINDU);
            assertThat(putian.next("ready", ARRIVES)).isNotNull();

            produce(huangshiWarning(warningId, Colour.YELLOW), "00-" + traceId + "-b7ad6b7169203331-01");

            SseClient.Event event = licheng.nextLive(ARRIVES);
            assertThat(event).as("licheng receives the warning").isNotNull();
            JsonNode warning = json(event);
            assertThat(Long.parseLong(event.id())).as("the log position").isPositive();
            assertThat(warning.get("state").asString()).isEqualTo("ISSUED");
            assertThat(warning.get("warningId").asString()).isEqualTo(warningId);
            assertThat(warning.get("uscc").asString()).isEqualTo(HUANGSHI_FURNITURE);
            assertThat(warning.get("colour").asString()).isEqualTo("YELLOW");
            assertThat(warning.get("routedTiers").toString()).isEqualTo("[\"ENTERPRISE\",\"TOWN\",\"DISTRICT\"]");
            assertThat(warning.get("routingConfigVersion").asString()).isEqualTo("routing-2026.1");
            assertThat(warning.get("replay").asBoolean()).isFalse();
            assertThat(warning.get("issuedAt").asString()).as("China time, not UTC").endsWith("+08:00");

            assertThat(xindu.next("warning", QUIET)).as("xindu (another town) receives nothing").isNull();
            assertThat(putian.nextLive(Duration.ofMillis(200))).as("yellow is not routed to the city").isNull();
        }

        List<ConsumerRecord<String, Notification>> logged = awaitNotifications(warningId, 3);
        assertThat(logged).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(HUANGSHI_FURNITURE);
            assertThat(record.value().channel()).isEqualTo("CONSOLE");
            assertThat(record.value().status()).isEqualTo("ROUTED");
            assertThat(record.value().colour()).isEqualTo(Colour.YELLOW);
            Header version = record.headers().lastHeader("dw-routing-config-version");
            assertThat(new String(version.value(), StandardCharsets.UTF_8)).isEqualTo("routing-2026.1");
            // the warning's trace goes on: the listener's span (a child of the warning record's) on each notification
            Header trace = record.headers().lastHeader("traceparent");
            assertThat(new String(trace.value(), StandardCharsets.UTF_8)).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain("b7ad6b7169203331");
        });
        assertThat(output.getOut().lines().filter(l -> l.contains(warningId + " (YELLOW") && l.contains("routed to")))
                .as("the routing log line shows the warning's trace id").singleElement().asString().contains(traceId);
        assertThat(logged.stream().map(r -> r.value().tier() + ":" + r.value().audience()).collect(Collectors.toSet()))
                .isEqualTo(Set.of("ENTERPRISE:" + HUANGSHI_FURNITURE, "TOWN:" + HUANGSHI, "DISTRICT:" + LICHENG));

        // A console connecting afterwards is replayed the warning; so is the enterprise's own user.
        try (SseClient late = connect("licheng"); SseClient plant = connect("huangshi-plant")) {
            SseClient.Event replayed = replayOf(late, warningId);
            assertThat(json(replayed).get("replay").asBoolean()).isTrue();
            JsonNode own = json(replayOf(plant, warningId));
            assertThat(own.get("warningId").asString()).isEqualTo(warningId);
            assertThat(own.get("replay").asBoolean()).isTrue();
        }
    }

    @Test
    void aRedeliveredWarningIsPushedAndLoggedOnce() throws Exception {
        Warning orange = huangshiWarning("w-orange-" + UUID.randomUUID(), Colour.ORANGE);
        Warning red = huangshiWarning("w-red-" + UUID.randomUUID(), Colour.RED);
        try (SseClient putian = connect("putian"); SseClient xindu = connect("xindu")) {
            assertThat(putian.next("ready", ARRIVES)).isNotNull();
            assertThat(xindu.next("ready", ARRIVES)).isNotNull();
            produce(orange);
            assertThat(json(putian.nextLive(ARRIVES)).get("warningId").asString()).isEqualTo(orange.warningId());
            produce(orange); // redelivered, e.g. by a producer retry upstream
            produce(red);
            // Same key, same partition: the red comes after the repeat, so a pushed repeat would show up first.
            SseClient.Event next = putian.nextLive(ARRIVES);
            assertThat(json(next).get("warningId").asString()).isEqualTo(red.warningId());
            assertThat(json(next).get("routedTiers").toString())
                    .isEqualTo("[\"ENTERPRISE\",\"TOWN\",\"DISTRICT\",\"CITY\",\"PROVINCE\"]");
            assertThat(xindu.next("warning", Duration.ofMillis(500))).isNull();
        }
        List<ConsumerRecord<String, Notification>> all = awaitNotifications(
                n -> n.warningId().equals(orange.warningId()) || n.warningId().equals(red.warningId()), 4 + 5);
        assertThat(all.stream().filter(r -> r.value().warningId().equals(orange.warningId()))).hasSize(4);
        assertThat(all.stream().filter(r -> r.value().warningId().equals(red.warningId())).map(r -> r.value().tier()))
                .containsExactlyInAnyOrder(Tier.ENTERPRISE, Tier.TOWN, Tier.DISTRICT, Tier.CITY, Tier.PROVINCE);
    }

    @Test
    void withoutATokenTheStreamIs401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stream())
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aCityNodeIsRefused403() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stream())
                .header("Authorization", "Bearer putian-node").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(response.body()).get("status").asInt()).isEqualTo(403);
    }

    @Test
    void theApiDocsListEveryEndpointWithoutAToken(@Autowired @Qualifier("requestMappingHandlerMapping")
                                                  RequestMappingHandlerMapping mappings) throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(ApiDocsCoverage.endpoints(docs.body())).isEqualTo(ApiDocsCoverage.endpoints(mappings))
                .contains("GET /api/v1/alerts/stream");
    }

    /** The replayed event of {@code warningId} (skipping other replays); fails when none comes. */
    private static SseClient.Event replayOf(SseClient client, String warningId) throws InterruptedException {
        SseClient.Event event;
        do {
            event = client.nextWarning(ARRIVES, true);
            assertThat(event).as("replay of " + warningId).isNotNull();
        } while (!warningId.equals(json(event).get("warningId").asString()));
        return event;
    }

    private List<ConsumerRecord<String, Notification>> awaitNotifications(String warningId, int count) {
        return awaitNotifications(n -> n.warningId().equals(warningId), count);
    }

    /** Polls {@code dust.notifications} until {@code count} matching records arrived (fails after 30 s), then 1 s more. */
    private List<ConsumerRecord<String, Notification>> awaitNotifications(Predicate<Notification> matching, int count) {
        List<ConsumerRecord<String, Notification>> found = new ArrayList<>();
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        long settle = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settle)) {
            for (ConsumerRecord<String, Notification> record : notifications.poll(Duration.ofMillis(200))) {
                if (matching.test(record.value())) {
                    found.add(record);
                }
            }
            if (found.size() >= count && settle == Long.MAX_VALUE) {
                settle = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
        }
        assertThat(found).as("notifications logged").hasSize(count);
        return found;
    }

    /** A decoder that knows fixed test tokens instead of an issuer's keys. */
    @TestConfiguration
    static class Tokens {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        HikariDataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            dataSource.setMaximumPoolSize(5);
            dataSource.setSchema("alert"); // unqualified table names are alert's own, as in application.yml
            return dataSource;
        }

        static final Map<String, Map<String, Object>> CLAIMS = Map.of(
                "licheng", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", LICHENG),
                "xindu", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", XINDU),
                "putian", Map.of("preferred_username", "putian-duty", "dw_kind", "REGULATOR", "dw_region", PUTIAN),
                "huangshi-plant", Map.of("preferred_username", "huangshi-safety", "dw_kind", "ENTERPRISE",
                        "dw_region", HUANGSHI, "dw_uscc", HUANGSHI_FURNITURE),
                "putian-node", Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", PUTIAN));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(CLAIMS);
        }
    }
}
