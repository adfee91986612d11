package dustwatch.ingest;

import dustwatch.support.security.FixedTokens;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.platform.EventSender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static dustwatch.ingest.Fixtures.XINDU_ALMG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service against a real broker (embedded KRaft Kafka) and a real PostgreSQL (zonky): a Putian city
 * node registers the Huangshi wood-furniture plant, pushes a mixed batch, resends it; the readings reach
 * {@code dust.realtime} and {@code ingest.reading}; scope and kind rules answer 403/404/422.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IngestApplication.class, IngestIT.Tokens.class})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestIT {
    static final EmbeddedPostgres PG;
    static final DateTimeFormatter SPEC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static {
        try {
            PG = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PG.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("dustwatch.ingest.send-timeout", () -> "20s");
        registry.add("dustwatch.ingest.limits.max-request-bytes", () -> "256KB");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        PG.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dustwatch.ingest.readings.persistence.ReadingRepository readingStore;

    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    Answer call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = r.body() == null || r.body().isBlank() ? null : Json.MAPPER.readTree(r.body());
        return new Answer(r.statusCode(), body, r);
    }

    static String huangshiRegistration(String region) {
        return """
                {"name":"黄石金榕木艺有限公司","regionCode":"%2$s","dustType":"WOOD","dustWorkers":42,
                 "ignitionProneProcess":true,
                 "collectors":[{"code":"%1$s-DC001","type":"DRY_BAG","indoor":true},
                               {"code":"%1$s-DC002","type":"DRY_BAG","indoor":false},
                               {"code":"%1$s-DC003","type":"DRY_BAG","indoor":false}]}
                """.formatted(HUANGSHI_WOOD, region);
    }

    static String shanghaiNow(Duration minus) {
        return LocalDateTime.ofInstant(Instant.now().minus(minus), dustwatch.ingest.push.MessageTimes.CHINA).format(SPEC);
    }

    static String realtime(String msgId, Duration ago, int quality) {
        String t = shanghaiNow(ago);
        return """
                {"msgId":"%2$s","msgType":"REALTIME","specVersion":"1.0","enterpriseCode":"%1$s",
                 "gatewayCode":"%1$s-GW01","sendTime":"%3$s","collectTime":"%3$s","reportType":"NORMAL",
                 "dataSourceConnected":true,
                 "points":[{"pointCode":"%1$s-DC001-DRY_HOPPER_TEMP-1","value":36.4,"unit":"℃","quality":%4$d},
                           {"pointCode":"%1$s-DC001-DRY_DP","value":1850,"unit":"Pa","quality":0}]}
                """.formatted(HUANGSHI_WOOD, msgId, t, quality);
    }

    @Test
    @Order(1)
    void aCityNodeRegistersTheHuangshiPlant() throws Exception {
        Answer put = call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "putian-node", huangshiRegistration("350304101"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("regionCode").stringValue()).isEqualTo("350304101");
        assertThat(put.body().get("collectors")).hasSize(3);

        Answer wrongRegion = call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "putian-node", huangshiRegistration("350300"));
        assertThat(wrongRegion.status()).isEqualTo(422);
        assertThat(wrongRegion.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(wrongRegion.body().get("errors").get(0).get("field").stringValue()).isEqualTo("regionCode");

        Answer otherCity = call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "fuzhou-node", huangshiRegistration("350304101"));
        assertThat(otherCity.status()).isEqualTo(422);
        assertThat(otherCity.body().get("errors").get(0).get("reason").stringValue())
                .isEqualTo("350304101 is not in this node's city 350100");

        assertThat(call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "licheng-duty", huangshiRegistration("350304101")).status())
                .isEqualTo(403);

        Answer licheng = call("GET", "/api/v1/registry/enterprises", "licheng-duty", null);
        assertThat(licheng.status()).isEqualTo(200);
        assertThat(licheng.body().findValuesAsString("uscc")).containsExactly(HUANGSHI_WOOD);
        Answer xindu = call("GET", "/api/v1/registry/enterprises", "xindu-duty", null);
        assertThat(xindu.body()).isEmpty();
        assertThat(call("GET", "/api/v1/registry/enterprises", "putian-node", null).status()).isEqualTo(403);
        Answer own = call("GET", "/api/v1/registry/enterprises", "jinrong-admin", null);
        assertThat(own.body().findValuesAsString("name")).containsExactly("黄石金榕木艺有限公司");

        try (KafkaConsumer<String, dustwatch.contracts.enterprise.EnterpriseProfile> consumer = consumer(
                Topics.REGISTRY.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.REGISTRY.name()));
            List<ConsumerRecord<String, dustwatch.contracts.enterprise.EnterpriseProfile>> seen = pollUntil(consumer, 1);
            assertThat(seen.getFirst().key()).isEqualTo(HUANGSHI_WOOD);
            assertThat(seen.getFirst().value().dustWorkers()).isEqualTo(42);
        }
    }

    @Test
    @Order(2)
    void aMixedBatchKeepsTheGoodMessagesAndNamesTheBadOne() throws Exception {
        String first = "rt-" + RUN + "-1";
        String second = "rt-" + RUN + "-2";
        String bad = "rt-" + RUN + "-3";
        String batch = "{\"messages\":[" + realtime(first, Duration.ofMinutes(2), 0) + ","
                + realtime(second, Duration.ofMinutes(1), 0) + "," + realtime(bad, Duration.ZERO, 9) + "]}";
        Answer answer = call("POST", "/api/v1/ingest/messages", "putian-node", batch);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("accepted").intValue()).isEqualTo(2);
        assertThat(answer.body().get("duplicates").intValue()).isEqualTo(0);
        JsonNode rejected = answer.body().get("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("index").intValue()).isEqualTo(2);
        assertThat(rejected.get(0).get("msgId").stringValue()).isEqualTo(bad);
        assertThat(rejected.get(0).get("reasons").get(0).stringValue()).isEqualTo("points[0].quality must be 0..7, got 9");

        Answer resend = call("POST", "/api/v1/ingest/messages", "putian-node",
                "{\"messages\":[" + realtime(first, Duration.ofMinutes(2), 0) + "]}");
        assertThat(resend.status()).isEqualTo(202);
        assertThat(resend.body().get("accepted").intValue()).isEqualTo(0);
        assertThat(resend.body().get("duplicates").intValue()).isEqualTo(1);
        assertThat(resend.body().get("rejected")).isEmpty();

        try (KafkaConsumer<String, ReadingBatch> consumer = consumer(Topics.READINGS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.READINGS.name()));
            List<ConsumerRecord<String, ReadingBatch>> seen = pollUntil(consumer, 2);
            assertThat(seen).extracting(r -> r.value().eventId()).containsExactlyInAnyOrder(first, second);
            assertThat(seen).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(HUANGSHI_WOOD);
                assertThat(r.value().regionCode()).isEqualTo("350304101");
                assertThat(r.value().readings()).hasSize(2);
                assertThat(new String(r.headers().lastHeader(EventSender.CONFIG_VERSION_HEADER).value(), StandardCharsets.UTF_8))
                        .isEqualTo("ingest-2026-12-01");
            });
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long rows = 0;
        while (System.nanoTime() < deadline) {
            rows = jdbc.sql("SELECT count(*) FROM ingest.reading WHERE uscc = :u").param("u", HUANGSHI_WOOD).query(Long.class).single();
            if (rows >= 4) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(rows).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.receipt WHERE msg_id LIKE :p").param("p", "rt-" + RUN + "%")
                .query(Long.class).single()).isEqualTo(2);

        Answer readings = call("GET", "/api/v1/readings?uscc=" + HUANGSHI_WOOD + "&limit=3", "licheng-duty", null);
        assertThat(readings.status()).isEqualTo(200);
        assertThat(readings.body()).hasSize(3);
        assertThat(readings.body().get(0).get("eventId").stringValue()).isEqualTo(second);
        assertThat(readings.body().findValuesAsString("unit")).contains("Pa", "℃");

        Answer xindu = call("GET", "/api/v1/readings?uscc=" + HUANGSHI_WOOD, "xindu-duty", null);
        assertThat(xindu.status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aRegulatorMayNotPush() throws Exception {
        Answer answer = call("POST", "/api/v1/ingest/messages", "licheng-duty",
                "{\"messages\":[" + realtime("rt-" + RUN + "-reg", Duration.ZERO, 0) + "]}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().get("status").intValue()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void aNodeOfAnotherCityIsRefusedTheEnterprise() throws Exception {
        Answer answer = call("POST", "/api/v1/ingest/messages", "fuzhou-node",
                "{\"messages\":[" + realtime("rt-" + RUN + "-fz", Duration.ZERO, 0) + "]}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("accepted").intValue()).isEqualTo(0);
        assertThat(answer.body().get("rejected").get(0).get("reasons").get(0).stringValue())
                .isEqualTo("enterpriseCode " + HUANGSHI_WOOD + " is not registered in this node's city 350100");
    }

    @Test
    @Order(5)
    void tooManyMessagesAre413() throws Exception {
        StringBuilder batch = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < 501; i++) {
            batch.append(i == 0 ? "" : ",").append("{}");
        }
        Answer answer = call("POST", "/api/v1/ingest/messages", "putian-node", batch.append("]}").toString());
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("limit").intValue()).isEqualTo(500);
    }

    @Test
    @Order(6)
    void aHeartbeatGoesToTheHeartbeatTopic() throws Exception {
        String msgId = "hb-" + RUN;
        String hb = """
                {"messages":[{"msgId":"%2$s","msgType":"HEARTBEAT","enterpriseCode":"%1$s","gatewayCode":"%1$s-GW02",
                  "sendTime":"%3$s","firmwareVersion":"2.4.1","bufferedMessages":7,"dataSourceConnected":false}]}
                """.formatted(HUANGSHI_WOOD, msgId, shanghaiNow(Duration.ZERO));
        Answer answer = call("POST", "/api/v1/ingest/messages", "putian-node", hb);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().get("accepted").intValue()).isEqualTo(1);
        try (KafkaConsumer<String, dustwatch.contracts.reading.Heartbeat> consumer = consumer(Topics.HEARTBEATS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.HEARTBEATS.name()));
            List<ConsumerRecord<String, dustwatch.contracts.reading.Heartbeat>> seen = pollUntil(consumer, 1);
            assertThat(seen).singleElement().satisfies(r -> {
                assertThat(r.value().eventId()).isEqualTo(msgId);
                assertThat(r.value().gatewayCode()).isEqualTo(HUANGSHI_WOOD + "-GW02");
                assertThat(r.value().bufferedMessages()).isEqualTo(7);
                assertThat(r.value().dataSourceConnected()).isFalse();
            });
        }
    }

    @Test
    @Order(7)
    void theSinkIsIdempotentAndTheStoreIsPartitioned() throws Exception {
        // without TimescaleDB the store is range-partitioned: 7 monthly partitions plus DEFAULT
        assertThat(jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'ingest.reading'::regclass")
                .query(Long.class).single()).isEqualTo(8);
        List<ConsumerRecord<String, ReadingBatch>> seen;
        try (KafkaConsumer<String, ReadingBatch> consumer = consumer(Topics.READINGS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.READINGS.name()));
            seen = pollUntil(consumer, 2);
        }
        ReadingBatch redelivered = seen.getFirst().value();
        assertThat(readingStore.store(redelivered, Instant.now())).as("rows inserted by a second store").isZero();
        Instant later = redelivered.collectTime().plusSeconds(60);
        ReadingBatch next = new ReadingBatch("rt-" + RUN + "-direct", HUANGSHI_WOOD, "350304101", redelivered.gatewayCode(),
                later, false, true, Instant.now(), List.of(new dustwatch.contracts.reading.Reading(
                HUANGSHI_WOOD + "-DC002-FAN_RUN", dustwatch.contracts.reading.ParameterCode.FAN_RUN, 1, 0, later)));
        Map<String, Object> props = Map.of("bootstrap.servers", broker.getBrokersAsString());
        try (org.apache.kafka.clients.producer.KafkaProducer<String, ReadingBatch> producer =
                     new org.apache.kafka.clients.producer.KafkaProducer<>(props,
                             Topics.READINGS.keySerde().serializer(), Topics.READINGS.valueSerde().serializer())) {
            // same key, same partition: the redelivery is consumed before the new batch
            producer.send(Topics.READINGS.record(HUANGSHI_WOOD, redelivered)).get();
            producer.send(Topics.READINGS.record(HUANGSHI_WOOD, next)).get();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && jdbc.sql("SELECT count(*) FROM ingest.reading WHERE event_id = :e")
                .param("e", next.eventId()).query(Long.class).single() == 0) {
            Thread.sleep(200);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.reading WHERE uscc = :u").param("u", HUANGSHI_WOOD)
                .query(Long.class).single()).isEqualTo(5);
    }

    static String heartbeat(String uscc, String msgId, String firmware) {
        return """
                {"msgId":"%2$s","msgType":"HEARTBEAT","enterpriseCode":"%1$s","gatewayCode":"%1$s-GW01",
                 "sendTime":"%3$s","firmwareVersion":"%4$s","bufferedMessages":0,"dataSourceConnected":true}
                """.formatted(uscc, msgId, shanghaiNow(Duration.ZERO), firmware);
    }

    @Test
    @Order(8)
    void theSameMsgIdFromTwoEnterprisesIsTwoMessages() throws Exception {
        Answer put = call("PUT", "/api/v1/registry/enterprises/" + XINDU_ALMG, "putian-node", """
                {"name":"新度精工铝制品有限公司","regionCode":"350304102","dustType":"AL_MG","dustWorkers":12,
                 "ignitionProneProcess":true,"collectors":[{"code":"%s-DC001","type":"WET","indoor":false}]}
                """.formatted(XINDU_ALMG));
        assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(200);
        String shared = "shared-" + RUN;
        Answer huangshi = call("POST", "/api/v1/ingest/messages", "putian-node",
                "{\"messages\":[" + heartbeat(HUANGSHI_WOOD, shared, "2.4.1") + "]}");
        Answer xindu = call("POST", "/api/v1/ingest/messages", "putian-node",
                "{\"messages\":[" + heartbeat(XINDU_ALMG, shared, "1.0.0") + "]}");
        assertThat(huangshi.status()).isEqualTo(202);
        assertThat(xindu.status()).isEqualTo(202);
        assertThat(xindu.body().get("accepted").intValue()).isEqualTo(1);
        assertThat(xindu.body().get("duplicates").intValue()).isZero();
        assertThat(jdbc.sql("SELECT uscc FROM ingest.receipt WHERE msg_id = :m ORDER BY uscc").param("m", shared)
                .query(String.class).list()).containsExactlyInAnyOrder(HUANGSHI_WOOD, XINDU_ALMG);
        Answer again = call("POST", "/api/v1/ingest/messages", "putian-node",
                "{\"messages\":[" + heartbeat(XINDU_ALMG, shared, "1.0.0") + "]}");
        assertThat(again.body().get("duplicates").intValue()).isEqualTo(1);
    }

    @Test
    @Order(9)
    void aMsgIdRepeatedInOneBatchIsADuplicateOnlyWhenIdentical() throws Exception {
        String id = "hb-rep-" + RUN;
        String same = heartbeat(HUANGSHI_WOOD, id, "2.4.1");
        String batch = "{\"messages\":[" + same + "," + same + "," + heartbeat(HUANGSHI_WOOD, id, "2.4.2") + "]}";
        Answer answer = call("POST", "/api/v1/ingest/messages", "putian-node", batch);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("accepted").intValue()).isEqualTo(1);
        assertThat(answer.body().get("duplicates").intValue()).isEqualTo(1);
        assertThat(answer.body().get("rejected")).singleElement().satisfies(r -> {
            assertThat(r.get("index").intValue()).isEqualTo(2);
            assertThat(r.get("reasons").get(0).stringValue()).isEqualTo("msgId " + id + " repeated in this batch with different content");
        });
    }

    @Test
    @Order(10)
    void aReceiptInsertFailureSendsNothingAndIsA500NotARetryForever503() throws Exception {
        String ok = "ok-" + RUN;
        String boom = "boom-" + RUN;
        jdbc.sql("ALTER TABLE ingest.receipt ADD CONSTRAINT it_no_boom CHECK (msg_id NOT LIKE 'boom-%')").update();
        Answer answer;
        try {
            answer = call("POST", "/api/v1/ingest/messages", "putian-node",
                    "{\"messages\":[" + realtime(ok, Duration.ofSeconds(30), 0) + "," + realtime(boom, Duration.ZERO, 0) + "]}");
        } finally {
            jdbc.sql("ALTER TABLE ingest.receipt DROP CONSTRAINT it_no_boom").update();
        }
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.raw().headers().firstValue("Retry-After")).isEmpty();
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.receipt WHERE msg_id = :m").param("m", ok)
                .query(Long.class).single()).isZero();
        try (KafkaConsumer<String, ReadingBatch> consumer = consumer(Topics.READINGS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.READINGS.name()));
            List<String> ids = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> ids.add(r.value().eventId()));
            }
            assertThat(ids).as("the topic was read").isNotEmpty().doesNotContain(ok, boom);
        }
    }

    @Test
    @Order(11)
    void aBodyOverTheByteLimitIs413WhetherDeclaredOrChunked() throws Exception {
        String padding = "x".repeat(300 * 1024);
        byte[] body = ("{\"messages\":[],\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/messages"))
                .header("Authorization", "Bearer putian-node").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.MAPPER.readTree(declared.body()).get("detail").stringValue())
                .contains("declares " + body.length + " bytes").contains("the limit is 262144 bytes");

        for (String[] target : List.of(new String[]{"POST", "/api/v1/ingest/messages"},
                new String[]{"PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD})) {
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target[1]))
                    .header("Authorization", "Bearer putian-node").header("Content-Type", "application/json")
                    .method(target[0], HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).as(target[1]).isEqualTo(413);
            assertThat(Json.MAPPER.readTree(chunked.body()).get("detail").stringValue())
                    .isEqualTo("the chunked body exceeds 262144 bytes; the limit is 262144 bytes"
                            + " (dustwatch.ingest.limits.max-request-bytes); split the batch");
        }
        // a chunked body within the limit still works end to end
        HttpResponse<String> small = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/messages"))
                .header("Authorization", "Bearer putian-node").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"messages\":[" + heartbeat(HUANGSHI_WOOD, "hb-chunked-" + RUN, "2.4.1") + "]}").getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as(small.body()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(small.body()).get("accepted").intValue()).isEqualTo(1);
    }

    /** Runs after the ordered tests: the readings they stored answer in China time; the API docs are complete. */
    @Test
    void timesAnswerAtThePlatformOffsetAndTheApiDocsListEveryEndpoint(
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings) throws Exception {
        Answer readings = call("GET", "/api/v1/readings?uscc=" + HUANGSHI_WOOD + "&limit=1", "licheng-duty", null);
        assertThat(readings.status()).isEqualTo(200);
        assertThat(readings.body().get(0).get("collectTime").stringValue()).as("China time, not UTC").endsWith("+08:00");
        assertThat(readings.body().get(0).get("receivedAt").stringValue()).endsWith("+08:00");

        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(dustwatch.support.openapi.ApiDocsCoverage.endpoints(docs.body()))
                .isEqualTo(dustwatch.support.openapi.ApiDocsCoverage.endpoints(mappings))
                .contains("POST /api/v1/ingest/messages", "PUT /api/v1/registry/enterprises/{uscc}", "GET /api/v1/readings");
    }

    <V> KafkaConsumer<String, V> consumer(org.apache.kafka.common.serialization.Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, Topics.READINGS.keySerde().deserializer(), values);
    }

    static <V> List<ConsumerRecord<String, V>> pollUntil(KafkaConsumer<String, V> consumer, int count) {
        List<ConsumerRecord<String, V>> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        }
        return seen;
    }

    /** Fixed test tokens instead of an issuer's keys. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Tokens {
        static final Map<String, Map<String, Object>> CLAIMS = Map.of(
                "putian-node", Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", "350300"),
                "fuzhou-node", Map.of("sub", "fuzhou-node", "dw_kind", "CITY_NODE", "dw_region", "350100"),
                "licheng-duty", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304"),
                "xindu-duty", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", "350304102"),
                "jinrong-admin", Map.of("preferred_username", "jinrong-admin", "dw_kind", "ENTERPRISE",
                        "dw_region", "350304101", "dw_uscc", HUANGSHI_WOOD));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(CLAIMS);
        }
    }
}
