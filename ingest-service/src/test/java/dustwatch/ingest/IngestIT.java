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
    @Autowired
    javax.sql.DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    Answer call(String method, String path, String token, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            b.headers(headers);
        }
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

    /** A FILING message of the Huangshi plant (reference §2.4). */
    static String filingMessage(String msgId, String sendTime, String kind, String start, String plannedEnd) {
        return """
                {"msgId":"%2$s","msgType":"FILING","specVersion":"1.0","enterpriseCode":"%1$s",
                 "gatewayCode":"%1$s-GW01","sendTime":"%3$s","filingKind":"%4$s","startTime":"%5$s",
                 "plannedEndTime":"%6$s","reason":"停产检修"}
                """.formatted(HUANGSHI_WOOD, msgId, sendTime, kind, start, plannedEnd);
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

    /**
     * Every push looks its msgIds up among all receipts ever written: the lookup must go through the primary key,
     * or it scans the whole table (it did, because the USCCs were compared as text to the char(18) column).
     */
    @Test
    void theReceiptLookupOfEveryPushUsesThePrimaryKey() throws Exception {
        String plan = explain(dustwatch.ingest.push.persistence.ReceiptRepository.RECEIVED
                .replace(":usccs", "?").replace(":ids", "?"), new String[]{HUANGSHI_WOOD}, new String[]{"m-1"});
        assertThat(plan).contains("receipt_pkey").doesNotContain("Seq Scan on receipt");
    }

    /** The readings sink's probe for batches a push stored itself: by primary key in every partition, no scan. */
    @Test
    void theSinksStoredProbeUsesThePrimaryKey() throws Exception {
        String plan = explain(dustwatch.ingest.readings.persistence.ReadingRepository.STORED_WHOLE
                        .replace(":positions", "?").replace(":points", "?").replace(":millis", "?").replace(":events", "?"),
                new Integer[]{0}, new String[]{HUANGSHI_WOOD + "-DC001-FAN_RUN"}, new Long[]{System.currentTimeMillis()},
                new String[]{"m-1"});
        assertThat(plan).contains("_pkey").doesNotContain("Seq Scan on reading");
    }

    /** PostgreSQL's plan of {@code sql} with sequential scans disabled: a scan shows only where no index can serve. */
    private String explain(String sql, Object... params) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            try (java.sql.PreparedStatement explain = c.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < params.length; i++) {
                    explain.setObject(i + 1, params[i]);
                }
                try (java.sql.ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }
            s.execute("RESET enable_seqscan");
        }
        return plan.toString();
    }

    @Test
    @Order(1)
    void aCityNodeRegistersTheHuangshiPlant() throws Exception {
        Answer put = call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "putian-node", huangshiRegistration("350304101"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("regionCode").stringValue()).isEqualTo("350304101");
        assertThat(put.body().get("collectors")).hasSize(3);

        Answer twice = call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "putian-node",
                huangshiRegistration("350304101").replace("\"dustWorkers\":42", "\"dustWorkers\":42,\"dustWorkers\":43"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(seen(twice.body().get("code").stringValue())).isEqualTo("DUPLICATE_KEY");
        Answer misspelt = call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "putian-node",
                huangshiRegistration("350304101").replace("\"collectors\"", "\"colectors\""));
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.body().get("code").stringValue()).isEqualTo("MALFORMED_BODY");
        assertThat(misspelt.body().get("detail").stringValue()).contains("colectors");

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
        String firstMessage = realtime(first, Duration.ofMinutes(2), 0);
        String batch = "{\"messages\":[" + firstMessage + ","
                + realtime(second, Duration.ofMinutes(1), 0) + "," + realtime(bad, Duration.ZERO, 9) + "]}";
        Answer answer = call("POST", "/api/v1/ingest/messages", "putian-node", batch);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("accepted").intValue()).isEqualTo(2);
        assertThat(answer.body().get("duplicates").intValue()).isEqualTo(0);
        JsonNode rejected = answer.body().get("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("index").intValue()).isEqualTo(2);
        assertThat(rejected.get(0).get("msgId").stringValue()).isEqualTo(bad);
        assertThat(rejected.get(0).get("reasons").get(0).get("code").stringValue()).isEqualTo("INVALID_QUALITY");
        assertThat(rejected.get(0).get("reasons").get(0).get("field").stringValue()).isEqualTo("points[0].quality");

        // the node resends the very same message (say its answer was lost): acknowledged, not stored again
        Answer resend = call("POST", "/api/v1/ingest/messages", "putian-node", "{\"messages\":[" + firstMessage + "]}");
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
                        .isEqualTo("ingest-2026-12-06");
                // no traceparent came with the push: ingest's request started a trace, and the record carries it
                assertThat(new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotStartWith("00-00000000000000000000000000000000");
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
        assertThat(answer.body().get("rejected").get(0).get("reasons").get(0).get("code").stringValue())
                .isEqualTo("NOT_IN_NODE_CITY");
        assertThat(answer.body().get("rejected").get(0).get("reasons").get(0).get("message").stringValue())
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
        assertThat(seen(answer.body().get("code").stringValue())).isEqualTo("TOO_MANY_MESSAGES");
    }

    @Test
    @Order(6)
    void aHeartbeatGoesToTheHeartbeatTopic() throws Exception {
        String msgId = "hb-" + RUN;
        String hb = """
                {"messages":[{"msgId":"%2$s","msgType":"HEARTBEAT","enterpriseCode":"%1$s","gatewayCode":"%1$s-GW02",
                  "sendTime":"%3$s","firmwareVersion":"2.4.1","bufferedMessages":7,"dataSourceConnected":false}]}
                """.formatted(HUANGSHI_WOOD, msgId, shanghaiNow(Duration.ZERO));
        // the city node's own trace: the record carries its trace id on (a span of ingest's as the parent)
        String traceId = "4bf92f3577b34da6a3ce929d" + RUN;
        Answer answer = call("POST", "/api/v1/ingest/messages", "putian-node", hb,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
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
                String traceparent = new String(r.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
                assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                        .as("ingest's own span, not the caller's").doesNotContain("00f067aa0ba902b7");
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
        ReadingBatch sameReadingsOtherEvent = new ReadingBatch(redelivered.eventId() + "-other", redelivered.uscc(),
                redelivered.regionCode(), redelivered.gatewayCode(), redelivered.collectTime(), redelivered.resend(),
                redelivered.dataSourceConnected(), redelivered.receivedAt(), redelivered.readings());
        assertThat(readingStore.storedWhole(List.of(sameReadingsOtherEvent, redelivered)))
                .as("found stored as a whole: only the batch whose event id its rows carry").containsExactly(1);
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
        String xinduHeartbeat = heartbeat(XINDU_ALMG, shared, "1.0.0");
        Answer xindu = call("POST", "/api/v1/ingest/messages", "putian-node", "{\"messages\":[" + xinduHeartbeat + "]}");
        assertThat(huangshi.status()).isEqualTo(202);
        assertThat(xindu.status()).isEqualTo(202);
        assertThat(xindu.body().get("accepted").intValue()).isEqualTo(1);
        assertThat(xindu.body().get("duplicates").intValue()).isZero();
        assertThat(jdbc.sql("SELECT uscc FROM ingest.receipt WHERE msg_id = :m ORDER BY uscc").param("m", shared)
                .query(String.class).list()).containsExactlyInAnyOrder(HUANGSHI_WOOD, XINDU_ALMG);
        Answer again = call("POST", "/api/v1/ingest/messages", "putian-node", "{\"messages\":[" + xinduHeartbeat + "]}");
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
            assertThat(r.get("reasons").get(0).get("code").stringValue()).isEqualTo("MSGID_CONFLICT");
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

    // ---- only true data gets in: every reason code, the ℉ reading, conflicts, the SM4 envelope ----

    /** Every reason code some test below received from the API; the last test checks that none is missing. */
    static final java.util.Set<String> SEEN_CODES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static String seen(String code) {
        SEEN_CODES.add(code);
        return code;
    }

    /** The codes of rejection {@code i} of a 422 answer, recorded as seen. */
    static List<String> codesOf(JsonNode rejected) {
        List<String> codes = new java.util.ArrayList<>();
        rejected.get("reasons").forEach(r -> codes.add(seen(r.get("code").stringValue())));
        return codes;
    }

    static String message(String msgId, String collectTime, String points) {
        return """
                {"msgId":"%2$s","msgType":"REALTIME","specVersion":"1.0","enterpriseCode":"%1$s",
                 "gatewayCode":"%1$s-GW01","sendTime":"%3$s","collectTime":"%3$s","reportType":"NORMAL",
                 "points":[%4$s]}""".formatted(HUANGSHI_WOOD, msgId, collectTime, points);
    }

    static String pt(String code, String value, String unit) {
        return "{\"pointCode\":\"" + HUANGSHI_WOOD + "-" + code + "\",\"value\":" + value
                + (unit == null ? "" : ",\"unit\":\"" + unit + "\"") + ",\"quality\":0}";
    }

    long storedRows(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long rows = 0;
        while (System.nanoTime() < deadline) {
            rows = jdbc.sql("SELECT count(*) FROM ingest.reading WHERE event_id = :e").param("e", eventId).query(Long.class).single();
            if (rows > 0) {
                return rows;
            }
            Thread.sleep(200);
        }
        return rows;
    }

    @Test
    @Order(12)
    void aFahrenheitHopperTemperatureIsStoredInCelsiusWithTheOriginalKept() throws Exception {
        String id = "f-" + RUN;
        Answer answer = call("POST", "/api/v1/ingest/messages", "putian-node", "{\"messages\":["
                + message(id, shanghaiNow(Duration.ofSeconds(20)), pt("DC002-DRY_HOPPER_TEMP", "165", "℉")) + "]}");
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(202);
        assertThat(storedRows(id)).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("SELECT value, original_value, original_unit FROM ingest.reading WHERE event_id = :e")
                .param("e", id).query().singleRow();
        assertThat((Double) row.get("value")).isCloseTo(73.89, org.assertj.core.api.Assertions.within(0.01));
        assertThat(row.get("original_value")).isEqualTo(165.0);
        assertThat(row.get("original_unit")).isEqualTo("℉");
        Answer readings = call("GET", "/api/v1/readings?uscc=" + HUANGSHI_WOOD + "&limit=50", "licheng-duty", null);
        JsonNode mine = null;
        for (JsonNode r : readings.body()) {
            if (r.get("eventId").stringValue().equals(id)) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("unit").stringValue()).isEqualTo("℃");
        assertThat(mine.get("originalUnit").stringValue()).isEqualTo("℉");
    }

    @Test
    @Order(13)
    void aMixedBatchKeepsItsValidMessagesAndGivesEveryBadOneItsCode() throws Exception {
        // DC003 now registers its points: a point it does not list is unknown
        String registration = huangshiRegistration("350304101").replace(
                "{\"code\":\"" + HUANGSHI_WOOD + "-DC003\",\"type\":\"DRY_BAG\",\"indoor\":false}",
                "{\"code\":\"" + HUANGSHI_WOOD + "-DC003\",\"type\":\"DRY_BAG\",\"indoor\":false,\"points\":[{\"code\":\""
                        + HUANGSHI_WOOD + "-DC003-DRY_DP\",\"unit\":\"Pa\"}]}");
        assertThat(call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "putian-node", registration).status()).isEqualTo(200);
        String now = shanghaiNow(Duration.ofSeconds(40));
        String otherEnterprise = "91350304MA2DW9999" + dustwatch.contracts.enterprise.Uscc.checkCharacter("91350304MA2DW9999");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append(pt("DC001-DRY_DP", "900", "Pa"));
        }
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("MISSING_FIELD", message("", now, pt("DC001-DRY_DP", "900", "Pa")));
        bad.put("WRONG_TYPE", message("x-wt-" + RUN, now, pt("DC001-DRY_DP", "\"900\"", "Pa")));
        bad.put("BAD_FORMAT", message("x bad/id", now, pt("DC001-DRY_DP", "900", "Pa")));
        bad.put("UNSUPPORTED_MSG_TYPE", message("x-ut-" + RUN, now, pt("DC001-DRY_DP", "900", "Pa")).replace("\"REALTIME\"", "\"BASIC\""));
        bad.put("INVALID_USCC", message("x-iu-" + RUN, now, pt("DC001-DRY_DP", "900", "Pa")).replace(
                "\"enterpriseCode\":\"" + HUANGSHI_WOOD, "\"enterpriseCode\":\"91350304MA2YJ8WC3X"));
        bad.put("NOT_IN_NODE_CITY", message("x-nc-" + RUN, now, pt("DC001-DRY_DP", "900", "Pa")).replace(
                "\"enterpriseCode\":\"" + HUANGSHI_WOOD, "\"enterpriseCode\":\"" + otherEnterprise));
        bad.put("UNKNOWN_GATEWAY", message("x-ug-" + RUN, now, pt("DC001-DRY_DP", "900", "Pa")).replace(
                HUANGSHI_WOOD + "-GW01", XINDU_ALMG + "-GW01"));
        bad.put("BAD_TIME", message("x-bt-" + RUN, "2026-11-31 10:00:00", pt("DC001-DRY_DP", "900", "Pa")));
        bad.put("IN_FUTURE", message("x-if-" + RUN, shanghaiNow(Duration.ofMinutes(-30)), pt("DC001-DRY_DP", "900", "Pa")));
        bad.put("TOO_OLD", message("x-to-" + RUN, shanghaiNow(Duration.ofDays(2)), pt("DC001-DRY_DP", "900", "Pa")));
        bad.put("TOO_MANY_POINTS", message("x-tm-" + RUN, now, many.toString()));
        bad.put("UNKNOWN_PARAMETER", message("x-up-" + RUN, now, pt("DC001-HUMIDITY", "50", "%")));
        bad.put("POINT_NOT_OF_ENTERPRISE", message("x-pe-" + RUN, now, "{\"pointCode\":\"" + XINDU_ALMG
                + "-DC001-WET_FLOW\",\"value\":10,\"quality\":0}"));
        bad.put("UNKNOWN_COLLECTOR", message("x-uc-" + RUN, now, pt("DC009-DRY_DP", "900", "Pa")));
        bad.put("PARAMETER_NOT_FOR_COLLECTOR", message("x-wh-" + RUN, now, pt("DC001-WET_H2", "1230", "%LEL")));
        bad.put("UNKNOWN_POINT", message("x-un-" + RUN, now, pt("DC003-DRY_HOPPER_TEMP", "40", "℃")));
        bad.put("UNIT_MISMATCH", message("x-um-" + RUN, now, pt("DC001-DRY_HOPPER_TEMP", "40", "Pa")));
        bad.put("NOT_FINITE", message("x-nf-" + RUN, now, pt("DC001-DRY_HOPPER_TEMP", "1e999", "℃")));
        bad.put("OUT_OF_RANGE", message("x-or-" + RUN, now, pt("DC001-DRY_HOPPER_TEMP", "1e308", "℃")));
        bad.put("NOT_DISCRETE", message("x-nd-" + RUN, now, pt("DC001-FAN_RUN", "2", null)));
        bad.put("INVALID_QUALITY", message("x-iq-" + RUN, now, pt("DC001-DRY_DP", "900", "Pa").replace("\"quality\":0", "\"quality\":7")));
        bad.put("UNKNOWN_FILING_KIND", filingMessage("x-fk-" + RUN, now, "HOLIDAY", shanghaiNow(Duration.ofHours(-1)),
                shanghaiNow(Duration.ofHours(-9))));
        bad.put("FILING_WINDOW", filingMessage("x-fw-" + RUN, now, "STOP_PRODUCTION", shanghaiNow(Duration.ofHours(-9)),
                shanghaiNow(Duration.ofHours(-1))));
        String good1 = message("ok1-" + RUN, now, pt("DC001-DRY_DP-2", "0.91", "kPa"));
        String good2 = message("ok2-" + RUN, now, pt("DC002-DRY_DP-2", "920", "Pa"));
        // the same msgId again with other content, and another value for ok2's point and second
        bad.put("MSGID_CONFLICT", message("ok1-" + RUN, now, pt("DC001-DRY_DP-2", "999", "Pa")));
        bad.put("READING_CONFLICT", message("x-rc-" + RUN, now, pt("DC002-DRY_DP-2", "921", "Pa")));
        List<String> expected = new java.util.ArrayList<>(bad.keySet());
        StringBuilder batch = new StringBuilder("{\"messages\":[").append(good1).append(',').append(good2);
        bad.values().forEach(m -> batch.append(',').append(m));
        Answer answer = call("POST", "/api/v1/ingest/messages", "putian-node", batch.append("]}").toString());
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(422);
        assertThat(answer.body().get("accepted").intValue()).isEqualTo(2);
        JsonNode rejected = answer.body().get("rejected");
        assertThat(rejected).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode r = rejected.get(i);
            assertThat(r.get("index").intValue()).isEqualTo(i + 2);
            assertThat(codesOf(r)).as("message %d, %s", i + 2, r).contains(expected.get(i));
        }
        // the two valid ones were kept, ok1's kPa as Pa
        assertThat(storedRows("ok1-" + RUN)).isEqualTo(1);
        assertThat(storedRows("ok2-" + RUN)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT value FROM ingest.reading WHERE event_id = :e").param("e", "ok1-" + RUN)
                .query(Double.class).single()).isCloseTo(910.0, org.assertj.core.api.Assertions.within(1e-6));

        // later pushes: a reused msgId with other content, another value for a stored point and second, an exact resend
        Answer later = call("POST", "/api/v1/ingest/messages", "putian-node", "{\"messages\":["
                + message("ok1-" + RUN, now, pt("DC001-DRY_DP-2", "950", "Pa")) + ","
                + message("y-rc-" + RUN, now, pt("DC002-DRY_DP-2", "925", "Pa")) + "," + good2 + "]}");
        assertThat(later.status()).isEqualTo(422);
        assertThat(later.body().get("duplicates").intValue()).isEqualTo(1);
        assertThat(codesOf(later.body().get("rejected").get(0))).containsExactly("MSGID_CONFLICT");
        assertThat(codesOf(later.body().get("rejected").get(1))).containsExactly("READING_CONFLICT");
        assertThat(later.body().get("rejected").get(1).get("reasons").get(0).get("message").stringValue())
                .contains("already holds 920.0 Pa");

        // the same point twice in one message, the same value with another quality, and a refused msgId repeated
        String twice = message("z-tw-" + RUN, now, pt("DC002-DRY_DP-3", "40", "Pa") + "," + pt("DC002-DRY_DP-3", "180", "Pa"));
        String flagged = message("z-fl-" + RUN, now, pt("DC002-DRY_DP-2", "920", "Pa").replace("\"quality\":0", "\"quality\":2"));
        String reused = message("ok1-" + RUN, now, pt("DC001-DRY_DP-2", "951", "Pa"));
        Answer subtle = call("POST", "/api/v1/ingest/messages", "putian-node",
                "{\"messages\":[" + twice + "," + flagged + "," + reused + "," + reused + "]}");
        assertThat(subtle.status()).isEqualTo(422);
        assertThat(subtle.body().get("accepted").intValue()).isZero();
        assertThat(subtle.body().get("duplicates").intValue()).as("a repeat of a refused message is refused too").isZero();
        JsonNode refusals = subtle.body().get("rejected");
        assertThat(refusals).hasSize(4);
        assertThat(codesOf(refusals.get(0))).containsExactly("READING_CONFLICT");
        assertThat(refusals.get(0).get("reasons").get(0).get("field").stringValue()).isEqualTo("points[1].value");
        assertThat(codesOf(refusals.get(1))).containsExactly("READING_CONFLICT");
        assertThat(codesOf(refusals.get(2))).containsExactly("MSGID_CONFLICT");
        assertThat(codesOf(refusals.get(3))).containsExactly("MSGID_CONFLICT");
    }

    HttpResponse<String> raw(String path, String token, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String problemCode(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        return seen(Json.MAPPER.readTree(r.body()).get("code").stringValue());
    }

    static byte[] gzip(byte[] plain) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    @Order(14)
    void strictParsingGzipAndItsCap() throws Exception {
        String hb = heartbeat(HUANGSHI_WOOD, "gz-" + RUN, "2.4.1");
        HttpResponse<String> gz = raw("/api/v1/ingest/messages", "putian-node",
                gzip(("{\"messages\":[" + hb + "]}").getBytes(StandardCharsets.UTF_8)), Map.of("Content-Encoding", "gzip"));
        assertThat(gz.statusCode()).as(gz.body()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(gz.body()).get("accepted").intValue()).isEqualTo(1);

        // a gzip bomb: 64 MiB of spaces, about 64 KiB on the wire; refused after inflating the 256 KiB cap
        byte[] bomb;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                z.write(spaces);
            }
        }
        bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(262144);
        HttpResponse<String> exploded = raw("/api/v1/ingest/messages", "putian-node", bomb, Map.of("Content-Encoding", "gzip"));
        assertThat(exploded.statusCode()).isEqualTo(413);
        assertThat(problemCode(exploded)).isEqualTo("BODY_TOO_LARGE");

        HttpResponse<String> br = raw("/api/v1/ingest/messages", "putian-node", "{}".getBytes(), Map.of("Content-Encoding", "br"));
        assertThat(br.statusCode()).isEqualTo(415);
        assertThat(problemCode(br)).isEqualTo("UNSUPPORTED_ENCODING");

        HttpResponse<String> twice = raw("/api/v1/ingest/messages", "putian-node",
                ("{\"messages\":[" + hb.replace("\"firmwareVersion\"", "\"msgId\":\"other\",\"firmwareVersion\"") + "]}")
                        .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(problemCode(twice)).isEqualTo("DUPLICATE_KEY");

        HttpResponse<String> notJson = raw("/api/v1/ingest/messages", "putian-node", "{\"messages\":[".getBytes(), Map.of());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(problemCode(notJson)).isEqualTo("MALFORMED_BODY");
    }

    static final String SM4_KEY = "0123456789abcdeffedcba9876543210";
    static final String SM4_IV = "00112233445566778899aabbccddeeff";
    static final String APP_SECRET = "putian-node-app-secret";

    /** SM4-CBC with PKCS#7, straight from BouncyCastle: not the production code. */
    static byte[] sm4(boolean encrypt, String keyHex, byte[] in) throws Exception {
        var cipher = new org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher(
                org.bouncycastle.crypto.modes.CBCBlockCipher.newInstance(new org.bouncycastle.crypto.engines.SM4Engine()),
                new org.bouncycastle.crypto.paddings.PKCS7Padding());
        cipher.init(encrypt, new org.bouncycastle.crypto.params.ParametersWithIV(
                new org.bouncycastle.crypto.params.KeyParameter(java.util.HexFormat.of().parseHex(keyHex)),
                java.util.HexFormat.of().parseHex(SM4_IV)));
        byte[] out = new byte[cipher.getOutputSize(in.length)];
        int n = cipher.processBytes(in, 0, in.length, out, 0);
        n += cipher.doFinal(out, n);
        return java.util.Arrays.copyOf(out, n);
    }

    /** The plaintext of an enveloped answer. */
    static byte[] decrypt(String answer) {
        try {
            return sm4(false, SM4_KEY, java.util.HexFormat.of().parseHex(Json.MAPPER.readTree(answer).get("data").stringValue()));
        } catch (Exception e) {
            return answer.getBytes(StandardCharsets.UTF_8);
        }
    }

    static byte[] envelope(String appId, String data) {
        return ("{\"appid\":\"" + appId + "\",\"data\":\"" + data + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Order(15)
    void theNationalSm4Envelope() throws Exception {
        String provisioning = "{\"regionCode\":\"350300\",\"appSecret\":\"" + APP_SECRET + "\",\"key\":\"" + SM4_KEY
                + "\",\"iv\":\"" + SM4_IV + "\"}";
        assertThat(call("PUT", "/api/v1/registry/node-apps/putian-app", "licheng-duty", provisioning).status()).isEqualTo(403);
        Answer provisioned = call("PUT", "/api/v1/registry/node-apps/putian-app", "putian-duty", provisioning);
        assertThat(provisioned.status()).as(String.valueOf(provisioned.body())).isEqualTo(200);
        assertThat(provisioned.raw().body()).doesNotContain(SM4_KEY).doesNotContain(APP_SECRET);
        byte[] storedKey = jdbc.sql("SELECT key_sealed FROM ingest.node_app WHERE app_id = 'putian-app'").query(byte[].class).single();
        assertThat(java.util.HexFormat.of().formatHex(storedKey)).doesNotContain(SM4_KEY);

        String id = "env-" + RUN;
        byte[] plain = message(id, shanghaiNow(Duration.ofSeconds(50)), pt("DC003-DRY_DP", "930", "Pa")).getBytes(StandardCharsets.UTF_8);
        String data = java.util.HexFormat.of().formatHex(sm4(true, SM4_KEY, plain));
        HttpResponse<String> ok = raw("/api/v1/ingest/envelope", null, envelope("putian-app", data), Map.of("appsecret", APP_SECRET));
        assertThat(ok.statusCode()).as(() -> new String(decrypt(ok.body()), StandardCharsets.UTF_8)).isEqualTo(202);
        JsonNode answer = Json.MAPPER.readTree(ok.body());
        assertThat(answer.get("appid").stringValue()).isEqualTo("putian-app");
        JsonNode inside = Json.MAPPER.readTree(sm4(false, SM4_KEY, java.util.HexFormat.of().parseHex(answer.get("data").stringValue())));
        assertThat(inside.get("code").intValue()).isZero();
        assertThat(inside.get("accepted").intValue()).isEqualTo(1);
        assertThat(storedRows(id)).isEqualTo(1);

        long receiptsBefore = jdbc.sql("SELECT count(*) FROM ingest.receipt").query(Long.class).single();
        String id2 = "env2-" + RUN;
        byte[] plain2 = message(id2, shanghaiNow(Duration.ofSeconds(55)), pt("DC003-DRY_DP", "931", "Pa")).getBytes(StandardCharsets.UTF_8);
        String data2 = java.util.HexFormat.of().formatHex(sm4(true, SM4_KEY, plain2));
        String wrongKey = java.util.HexFormat.of().formatHex(sm4(true, "fedcba98765432100123456789abcdef", plain2));
        byte[] badPaddingBytes = sm4(true, SM4_KEY, plain2);
        badPaddingBytes[badPaddingBytes.length - 1] ^= 0x5A;
        Map<String, HttpResponse<String>> attacks = new java.util.LinkedHashMap<>();
        attacks.put("DECRYPT_FAILED wrong key", raw("/api/v1/ingest/envelope", null, envelope("putian-app", wrongKey), Map.of("appsecret", APP_SECRET)));
        attacks.put("DECRYPT_FAILED truncated", raw("/api/v1/ingest/envelope", null, envelope("putian-app", data2.substring(0, data2.length() - 6)), Map.of("appsecret", APP_SECRET)));
        attacks.put("DECRYPT_FAILED bad padding", raw("/api/v1/ingest/envelope", null, envelope("putian-app",
                java.util.HexFormat.of().formatHex(badPaddingBytes)), Map.of("appsecret", APP_SECRET)));
        attacks.put("NOT_HEX non-hex", raw("/api/v1/ingest/envelope", null, envelope("putian-app", "zz" + data2), Map.of("appsecret", APP_SECRET)));
        attacks.put("APP_AUTH_FAILED wrong secret", raw("/api/v1/ingest/envelope", null, envelope("putian-app", data2), Map.of("appsecret", "guess")));
        attacks.put("APP_AUTH_FAILED unknown app", raw("/api/v1/ingest/envelope", null, envelope("xiamen-app", data2), Map.of("appsecret", APP_SECRET)));
        attacks.put("APP_AUTH_FAILED no secret", raw("/api/v1/ingest/envelope", null, envelope("putian-app", data2), Map.of()));
        attacks.forEach((expect, r) -> {
            assertThat(r.statusCode()).as(expect + ": " + r.body()).isEqualTo(expect.startsWith("APP_AUTH") ? 401 : 400);
            assertThat(problemCode(r)).as(expect).isEqualTo(expect.substring(0, expect.indexOf(' ')));
        });
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.receipt").query(Long.class).single()).isEqualTo(receiptsBefore);
        // guessing secrets: ten failures in a minute lock the appid out for the rest of it
        for (int i = 0; i < 10; i++) {
            assertThat(raw("/api/v1/ingest/envelope", null, envelope("lock-probe", data2), Map.of("appsecret", "guess-" + i))
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = raw("/api/v1/ingest/envelope", null, envelope("lock-probe", data2), Map.of("appsecret", "guess-x"));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(problemCode(locked)).isEqualTo("APP_LOCKED");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        // and the good one still goes through afterwards
        HttpResponse<String> second = raw("/api/v1/ingest/envelope", null, envelope("putian-app", data2), Map.of("appsecret", APP_SECRET));
        assertThat(second.statusCode()).as(() -> new String(decrypt(second.body()), StandardCharsets.UTF_8)).isEqualTo(202);
    }

    /**
     * Overload pushes back (PushAdmission, 10 per node, 12 in all): pushes whose body never finishes hold their
     * places; one more of the same node is 429 NODE_BUSY, one of another node when all 12 places are taken is 503
     * SERVICE_BUSY, both problem+json with Retry-After; once the held pushes end, pushes are admitted again.
     */
    @Test
    @Order(98)
    void overloadIsPushedBackWith429And503AndRetryAfterAndRecovers() throws Exception {
        List<java.net.Socket> held = new java.util.ArrayList<>();
        try {
            // Held pushes are added one at a time until the node is refused: the node's 10 places are then taken.
            // (On two CI clones only 9 of 10 held connections had reached the filter in time; the count of held
            // connections is therefore not asserted, only what the service answers once it is full.)
            Answer busy = holdUntil(held, "putian-node", 429);
            assertThat(busy.raw().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(busy.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(seen(busy.body().get("code").stringValue())).isEqualTo("NODE_BUSY");
            Answer full = holdUntil(held, "fuzhou-node", 503); // another node fills the instance's 12 places
            assertThat(full.raw().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(seen(full.body().get("code").stringValue())).isEqualTo("SERVICE_BUSY");
        } finally {
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
        assertThat(untilStatus(202, "putian-node").body().get("accepted").intValue()).isZero();
    }

    /** Holds one more push of {@code token} at a time (at most 30) until a push of it is answered {@code status}. */
    Answer holdUntil(List<java.net.Socket> held, String token, int status) throws Exception {
        Answer last = null;
        for (int i = 0; i < 30; i++) {
            held.add(holdPush(token));
            for (int attempt = 0; attempt < 5; attempt++) {
                Thread.sleep(100);
                last = call("POST", "/api/v1/ingest/messages", token, "{\"messages\":[]}");
                if (last.status() == status) {
                    return last;
                }
            }
        }
        throw new AssertionError("never answered " + status + " with 30 pushes held, last " + last.status() + " " + last.body());
    }

    /** A push whose headers are sent and whose body never ends: admitted, it holds its place. */
    java.net.Socket holdPush(String token) throws IOException {
        java.net.Socket socket = new java.net.Socket("localhost", port);
        socket.getOutputStream().write(("POST /api/v1/ingest/messages HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + token + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"messages\":[")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Pushes an empty batch as {@code token} until it is answered {@code status} (the held pushes take a moment). */
    Answer untilStatus(int status, String token) throws Exception {
        Answer last = null;
        for (int i = 0; i < 100; i++) {
            last = call("POST", "/api/v1/ingest/messages", token, "{\"messages\":[]}");
            if (last.status() == status) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never answered " + status + ", last " + last.status() + " " + last.body());
    }

    @Test
    @Order(99)
    void everyReasonCodeWasAnsweredByTheApi() {
        assertThat(SEEN_CODES).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(dustwatch.ingest.platform.ReasonCode.values())
                .map(Enum::name).toList());
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
                .contains("POST /api/v1/ingest/messages", "PUT /api/v1/registry/enterprises/{uscc}", "GET /api/v1/readings",
                        "POST /api/v1/ingest/envelope", "PUT /api/v1/registry/node-apps/{appId}", "POST /api/v1/registry/imports");
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
                "putian-duty", Map.of("preferred_username", "putian-duty", "dw_kind", "REGULATOR", "dw_region", "350300"),
                "xindu-duty", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", "350304102"),
                "jinrong-admin", Map.of("preferred_username", "jinrong-admin", "dw_kind", "ENTERPRISE",
                        "dw_region", "350304101", "dw_uscc", HUANGSHI_WOOD));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(CLAIMS);
        }
    }
}
