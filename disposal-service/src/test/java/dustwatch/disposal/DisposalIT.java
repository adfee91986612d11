package dustwatch.disposal;

import dustwatch.support.openapi.ApiDocsCoverage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import dustwatch.support.security.FixedTokens;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dustwatch.disposal.warning.Fixtures.HUANGSHI;
import static dustwatch.disposal.warning.Fixtures.HUANGSHI_PLANT;
import static dustwatch.disposal.warning.Fixtures.LICHENG;
import static dustwatch.disposal.warning.Fixtures.PUTIAN;
import static dustwatch.disposal.warning.Fixtures.XINDU;
import static dustwatch.disposal.warning.Fixtures.XINDU_SHOP;
import static dustwatch.disposal.warning.Fixtures.plantWarning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The service on a random port against an embedded KRaft broker and an embedded PostgreSQL: warnings from
 * the topic become scoped cases, the closed loop 签收 → 反馈 → 消警 over HTTP, the timeline, the outbox relay.
 */
@SpringBootTest(classes = {DisposalApplication.class, DisposalIT.TestTokens.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dustwatch.disposal.outbox.poll-interval=200ms", "logging.level.org.apache.kafka=WARN"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class DisposalIT {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    KafkaProducer<String, Warning> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                Topics.WARNINGS.keySerde().serializer(), Topics.WARNINGS.valueSerde().serializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void aYellowWarningGoesThroughTheClosedLoop() throws Exception {
        Warning yellow = plantWarning(Colour.YELLOW, Instant.now().truncatedTo(ChronoUnit.SECONDS), null);
        String id = yellow.warningId();
        publish(yellow);

        JsonNode item = awaitInList("licheng", id);
        assertThat(item.get("state").asString()).isEqualTo("ISSUED");
        assertThat(item.get("verifyingTier").asString()).isEqualTo("TOWN");
        assertThat(item.get("uscc").asString()).isEqualTo(HUANGSHI_PLANT);
        assertThat(Instant.parse(item.get("clearDeadline").asString())).isEqualTo(yellow.issuedAt().plus(Duration.ofHours(72)));
        assertThat(Instant.parse(item.get("signInDeadline").asString())).isEqualTo(yellow.issuedAt().plus(Duration.ofHours(1)));
        assertThat(item.get("overdue").asBoolean()).isFalse();
        assertThat(item.get("signInDeadline").asString()).as("China time, not UTC").endsWith("+08:00");

        assertThat(ids(call("GET", "/api/v1/warnings", "xindu", null).body())).doesNotContain(id);
        assertThat(call("GET", "/api/v1/warnings/" + id, "xindu", null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/warnings/" + id, "shop", null).status()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/warnings/" + id + "/sign-in", "shop", null).status()).isEqualTo(404);
        assertThat(ids(call("GET", "/api/v1/warnings", "plant", null).body())).contains(id);

        Response early = call("POST", "/api/v1/warnings/" + id + "/clear", "huangshi", "{\"remark\":\"looks fine\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.body().get("detail").asString()).contains("ISSUED").contains("FEEDBACK_SUBMITTED");

        Response signIn = call("POST", "/api/v1/warnings/" + id + "/sign-in", "plant", null);
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body().get("state").asString()).isEqualTo("SIGNED_IN");

        Response badFeedback = call("POST", "/api/v1/warnings/" + id + "/feedback", "plant", "{\"cause\":\"REAL_HAZARD\"}");
        assertThat(badFeedback.status()).isEqualTo(400);
        assertThat(badFeedback.body().get("errors").get(0).get("field").asString()).isEqualTo("measures");

        Response feedback = call("POST", "/api/v1/warnings/" + id + "/feedback", "plant",
                "{\"cause\":\"REAL_HAZARD\",\"measures\":\"bags replaced, pulse interval halved\"}");
        assertThat(feedback.status()).isEqualTo(200);
        assertThat(feedback.body().get("state").asString()).isEqualTo("FEEDBACK_SUBMITTED");

        Response byEnterprise = call("POST", "/api/v1/warnings/" + id + "/clear", "plant", "{\"remark\":\"fixed\"}");
        assertThat(byEnterprise.status()).isEqualTo(403);
        assertThat(byEnterprise.body().get("detail").asString()).contains("regulator");

        Response cleared = call("POST", "/api/v1/warnings/" + id + "/clear", "huangshi",
                "{\"remark\":\"checked by video: new bags fitted\"}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().get("state").asString()).isEqualTo("CLEARED");

        JsonNode detail = call("GET", "/api/v1/warnings/" + id, "licheng", null).body();
        assertThat(detail.get("state").asString()).isEqualTo("CLEARED");
        assertThat(detail.get("configVersion").asString()).isEqualTo("disposal-limits-2026.1");
        List<String> actions = new ArrayList<>();
        detail.get("timeline").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("ISSUE", "SIGN_IN", "FEEDBACK", "CLEAR");
        JsonNode clearEvent = detail.get("timeline").get(3);
        assertThat(clearEvent.get("actor").asString()).isEqualTo("huangshi-duty");
        assertThat(clearEvent.get("actorTier").asString()).isEqualTo("TOWN");
        assertThat(clearEvent.get("note").asString()).isEqualTo("review: REMOTE; checked by video: new bags fitted");
        assertThat(detail.get("signedInBy").asString()).isEqualTo("huangshi-plant-safety");
        assertThat(detail.get("feedback").get(0).get("cause").asString()).isEqualTo("REAL_HAZARD");
        assertThat(detail.get("feedback").get(0).get("measures").asString()).isEqualTo("bags replaced, pulse interval halved");
        assertThat(detail.get("reviews").get(0).get("mode").asString()).isEqualTo("REMOTE");
        assertThat(detail.get("reviews").get(0).get("accepted").asBoolean()).isTrue();

        List<DisposalEvent> published = awaitDisposalEvents(id, List.of("SIGN_IN", "FEEDBACK", "CLEAR"));
        assertThat(published).filteredOn(e -> e.action().equals("CLEAR")).singleElement()
                .satisfies(e -> {
                    assertThat(e.fromState().name()).isEqualTo("FEEDBACK_SUBMITTED");
                    assertThat(e.toState().name()).isEqualTo("CLEARED");
                    assertThat(e.uscc()).isEqualTo(HUANGSHI_PLANT);
                    assertThat(e.colour()).isEqualTo(Colour.YELLOW);
                });
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                SELECT count(*) FROM disposal.outbox o JOIN disposal.timeline_event t USING (event_id)
                WHERE t.warning_id = ? AND o.published_at IS NULL""").param(id).query(Long.class).single() == 0);
    }

    @Test
    void aRedeliveredWarningIsStoredOnceAndAHigherColourSupersedesIt() {
        Warning yellow = plantWarning(Colour.YELLOW, Instant.now().minusSeconds(60), null);
        publish(yellow);
        publish(yellow);
        Warning orange = plantWarning(Colour.ORANGE, Instant.now(), yellow.warningId());
        publish(orange);

        JsonNode orangeItem = awaitInList("licheng", orange.warningId());
        assertThat(orangeItem.get("verifyingTier").asString()).isEqualTo("DISTRICT");
        // same key, same partition: once the orange one is in, both yellow deliveries have been handled
        assertThat(jdbc.sql("SELECT count(*) FROM disposal.warning WHERE warning_id = ?").param(yellow.warningId())
                .query(Long.class).single()).isEqualTo(1);
        JsonNode yellowDetail = call("GET", "/api/v1/warnings/" + yellow.warningId(), "licheng", null).body();
        assertThat(yellowDetail.get("state").asString()).isEqualTo("SUPERSEDED");
        List<String> actions = new ArrayList<>();
        yellowDetail.get("timeline").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("ISSUE", "SUPERSEDE");
        assertThat(yellowDetail.get("timeline").get(1).get("note").asString()).contains(orange.warningId());

        assertThat(ids(call("GET", "/api/v1/warnings?state=SUPERSEDED", "licheng", null).body()))
                .containsOnlyOnce(yellow.warningId()).doesNotContain(orange.warningId());
        assertThat(ids(call("GET", "/api/v1/warnings?colour=ORANGE", "huangshi", null).body()))
                .contains(orange.warningId()).doesNotContain(yellow.warningId());
    }

    @Test
    void aHuangshiTownUserMayNotClearOrangeButLichengMayRejectIt() {
        Warning orange = plantWarning(Colour.ORANGE, Instant.now(), null);
        publish(orange);
        String id = orange.warningId();
        awaitInList("huangshi", id);
        assertThat(call("POST", "/api/v1/warnings/" + id + "/sign-in", "plant", null).status()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/warnings/" + id + "/feedback", "plant",
                "{\"cause\":\"REAL_HAZARD\",\"measures\":\"spark detector serviced\"}").status()).isEqualTo(200);

        Response town = call("POST", "/api/v1/warnings/" + id + "/clear", "huangshi", "{\"remark\":\"ok\"}");
        assertThat(town.status()).isEqualTo(403);
        assertThat(town.body().get("detail").asString()).contains("DISTRICT");

        Response rejected = call("POST", "/api/v1/warnings/" + id + "/reject", "licheng",
                "{\"remark\":\"send the service report of the spark detector\"}");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().get("state").asString()).isEqualTo("SIGNED_IN");
    }

    @Test
    void aCityNodeMayNotReadWarnings() {
        Response node = call("GET", "/api/v1/warnings", "node", null);
        assertThat(node.status()).isEqualTo(403);
        assertThat(node.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/warnings", null, null).status()).isEqualTo(401);
    }

    @Test
    void theTimelineRefusesUpdateAndDelete() {
        Warning blue = plantWarning(Colour.BLUE, Instant.now(), null);
        publish(blue);
        awaitInList("plant", blue.warningId());
        assertThatThrownBy(() -> jdbc.sql("UPDATE disposal.timeline_event SET note = 'rewritten' WHERE warning_id = ?")
                .param(blue.warningId()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM disposal.timeline_event WHERE warning_id = ?")
                .param(blue.warningId()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT note FROM disposal.timeline_event WHERE warning_id = ?").param(blue.warningId())
                .query(String.class).single()).isEqualTo(blue.reason());
    }

    @Test
    void tenParallelClearsGiveExactlyOneSuccess() throws Exception {
        Warning yellow = plantWarning(Colour.YELLOW, Instant.now(), null);
        publish(yellow);
        String id = yellow.warningId();
        awaitInList("licheng", id);
        call("POST", "/api/v1/warnings/" + id + "/sign-in", "plant", null);
        call("POST", "/api/v1/warnings/" + id + "/feedback", "plant",
                "{\"cause\":\"PROCESS_FLUCTUATION\",\"measures\":\"hopper emptied\"}");

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String token = i % 2 == 0 ? "licheng" : "huangshi";
            Callable<Integer> clear = () -> {
                start.await();
                return call("POST", "/api/v1/warnings/" + id + "/clear", token, "{\"remark\":\"ok\"}").status();
            };
            results.add(pool.submit(clear));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM disposal.timeline_event WHERE warning_id = ? AND action = 'CLEAR'")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    // --- helpers ---

    @Test
    void theApiDocsListEveryEndpointWithoutAToken(@Autowired @Qualifier("requestMappingHandlerMapping")
                                                  RequestMappingHandlerMapping mappings) throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(ApiDocsCoverage.endpoints(docs.body())).isEqualTo(ApiDocsCoverage.endpoints(mappings))
                .contains("GET /api/v1/warnings", "POST /api/v1/warnings/{id}/clear");
    }

    /** The warning's trace (W3C traceparent on its record) goes on through the outbox to the ISSUE event. */
    @Test
    void theIssueEventGoesOutThroughTheOutboxInTheTraceOfItsWarning() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + String.format("%04x", new java.util.Random().nextInt(0x10000));
        Warning yellow = plantWarning(Colour.YELLOW, Instant.now().truncatedTo(ChronoUnit.SECONDS), null);
        var record = Topics.WARNINGS.record(yellow.uscc(), yellow);
        record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer.send(record).get();

        String traceparent = null;
        try (KafkaConsumer<String, DisposalEvent> consumer = disposalEventsFromStart()) {
            Instant until = Instant.now().plus(PATIENCE);
            while (traceparent == null && Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, DisposalEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().warningId().equals(yellow.warningId()) && r.value().action().equals("ISSUE")) {
                        var header = r.headers().lastHeader("traceparent");
                        traceparent = header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
        }
        assertThat(traceparent).as("the ISSUE event's traceparent").isNotNull().startsWith("00-" + traceId + "-");
        assertThat(jdbc.sql("SELECT o.trace_context ->> 'traceparent' FROM disposal.outbox o JOIN disposal.timeline_event t"
                        + " USING (event_id) WHERE t.warning_id = ? AND t.action = 'ISSUE'").param(yellow.warningId())
                .query(String.class).single()).as("kept with the outbox row").startsWith("00-" + traceId + "-");
    }

    void publish(Warning warning) {
        try {
            producer.send(Topics.WARNINGS.record(warning.uscc(), warning)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode awaitInList(String token, String warningId) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode list = call("GET", "/api/v1/warnings", token, null).body();
            for (JsonNode item : list) {
                if (item.get("warningId").asString().equals(warningId)) {
                    return item;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    List<DisposalEvent> awaitDisposalEvents(String warningId, List<String> actions) {
        List<DisposalEvent> seen = new ArrayList<>();
        try (KafkaConsumer<String, DisposalEvent> consumer = disposalEventsFromStart()) {
            Instant until = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(until)
                    && !seen.stream().map(DisposalEvent::action).toList().containsAll(actions)) {
                for (ConsumerRecord<String, DisposalEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().warningId().equals(warningId)) {
                        assertThat(r.key()).isEqualTo(r.value().uscc());
                        seen.add(r.value());
                    }
                }
            }
        }
        assertThat(seen.stream().map(DisposalEvent::action).toList()).containsAll(actions);
        return seen;
    }

    /** A committed-read consumer of {@code dust.disposal-events} from the beginning, in a group of its own. */
    KafkaConsumer<String, DisposalEvent> disposalEventsFromStart() {
        KafkaConsumer<String, DisposalEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "disposal-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.DISPOSAL_EVENTS.keySerde().deserializer(), Topics.DISPOSAL_EVENTS.valueSerde().deserializer());
        consumer.subscribe(List.of(Topics.DISPOSAL_EVENTS.name()));
        return consumer;
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("warningId").asString()));
        return ids;
    }

    Response call(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(PATIENCE)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    record Response(int status, String contentType, JsonNode body) {
    }

    /**
     * An embedded PostgreSQL (random port) owned by the context, so that it outlives the pool and the outbox
     * relay on shutdown, and fixed test tokens instead of an issuer's keys.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestTokens {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        HikariDataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            dataSource.setMaximumPoolSize(10);
            return dataSource;
        }

        static final Map<String, Map<String, Object>> TOKENS = Map.of(
                "plant", Map.of("preferred_username", "huangshi-plant-safety", "dw_kind", "ENTERPRISE",
                        "dw_region", HUANGSHI, "dw_uscc", HUANGSHI_PLANT),
                "shop", Map.of("preferred_username", "xindu-shop-safety", "dw_kind", "ENTERPRISE",
                        "dw_region", XINDU, "dw_uscc", XINDU_SHOP),
                "huangshi", Map.of("preferred_username", "huangshi-duty", "dw_kind", "REGULATOR", "dw_region", HUANGSHI),
                "xindu", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", XINDU),
                "licheng", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", LICHENG),
                "node", Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", PUTIAN));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(TOKENS);
        }
    }
}
