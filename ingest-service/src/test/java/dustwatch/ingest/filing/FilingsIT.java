package dustwatch.ingest.filing;

import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.IngestApplication;
import dustwatch.support.security.FixedTokens;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static dustwatch.ingest.Fixtures.XINDU_ALMG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filings (报备) against a real PostgreSQL (zonky) and a real broker (embedded Kafka): the Huangshi wood plant files a
 * stop, its town approves, the plant ends it early; a rejection with its remark; a withdrawal; an expiry shown on
 * read; scope (404), kind and tier (403) and illegal transitions (409); every stored change on {@code dust.filing};
 * a city node's FILING message. Also cleaning (清扫打卡): plan, check-ins, the same photo refused, compliance per day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IngestApplication.class, FilingsIT.Tokens.class})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class FilingsIT {
    static final EmbeddedPostgres PG;

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

    final HttpClient http = HttpClient.newHttpClient();

    public record Answer(int status, JsonNode body) {
        String text(String field) {
            return body.get(field) == null || body.get(field).isNull() ? null : body.get(field).asString();
        }
    }

    Answer call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body() == null || r.body().isBlank() ? null : Json.MAPPER.readTree(r.body()));
    }

    static String registration(String uscc, String region) {
        return """
                {"name":"黄石金榕木艺有限公司","regionCode":"%2$s","dustType":"WOOD","dustWorkers":42,
                 "ignitionProneProcess":true,
                 "collectors":[{"code":"%1$s-DC001","type":"DRY_BAG","indoor":true},
                               {"code":"%1$s-DC002","type":"DRY_BAG","indoor":false}]}
                """.formatted(uscc, region);
    }

    static String stop(Instant start, Instant end, String reason) {
        return """
                {"kind":"STOP_PRODUCTION","start":"%s","plannedEnd":"%s","reason":"%s"}
                """.formatted(start, end, reason);
    }

    String fileStop(String reason) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Answer filed = call("POST", "/api/v1/filings", "jinrong-admin", stop(now, now.plus(Duration.ofHours(8)), reason));
        assertThat(filed.status()).isEqualTo(202);
        assertThat(filed.text("status")).isEqualTo("SUBMITTED");
        return filed.text("filingId");
    }

    static String approvedFilingId;

    @Test
    @Order(1)
    void theEnterpriseFilesItsTownApprovesAndTheEnterpriseEndsItEarly() throws Exception {
        assertThat(call("PUT", "/api/v1/registry/enterprises/" + HUANGSHI_WOOD, "putian-node",
                registration(HUANGSHI_WOOD, "350304101")).status()).isEqualTo(200);
        assertThat(call("PUT", "/api/v1/registry/enterprises/" + XINDU_ALMG, "putian-node",
                registration(XINDU_ALMG, "350304102")).status()).isEqualTo(200);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Answer invalid = call("POST", "/api/v1/filings", "jinrong-admin", stop(now, now.minus(Duration.ofHours(1)), ""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().findValuesAsString("field")).containsExactly("plannedEnd", "reason");

        String id = fileStop("停产检修除尘系统");
        approvedFilingId = id;
        Answer mine = call("GET", "/api/v1/filings", "jinrong-admin", null);
        assertThat(mine.body().findValuesAsString("filingId")).containsExactly(id);
        assertThat(call("GET", "/api/v1/filings", "huangshi-duty", null).body().findValuesAsString("filingId")).containsExactly(id);
        assertThat(call("GET", "/api/v1/filings", "licheng-duty", null).body().findValuesAsString("filingId")).containsExactly(id);
        assertThat(call("GET", "/api/v1/filings", "xindu-duty", null).body()).isEmpty();
        assertThat(call("GET", "/api/v1/filings", "xindu-admin", null).body()).isEmpty();
        assertThat(call("GET", "/api/v1/filings", "putian-node", null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/filings/" + id, "xindu-duty", null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/filings/" + id, "xindu-admin", null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/filings/not-a-uuid", "huangshi-duty", null).status()).isEqualTo(404);

        assertThat(call("POST", "/api/v1/filings/" + id + "/approve", "xindu-duty", null).status()).as("other town").isEqualTo(404);
        assertThat(call("POST", "/api/v1/filings/" + id + "/approve", "putian-duty", null).status()).as("city").isEqualTo(403);
        assertThat(call("POST", "/api/v1/filings/" + id + "/approve", "jinrong-admin", null).status()).as("itself").isEqualTo(403);
        assertThat(call("POST", "/api/v1/filings/" + id + "/end", "jinrong-admin", null).body().get("from").asString())
                .isEqualTo("SUBMITTED");

        Answer approved = call("POST", "/api/v1/filings/" + id + "/approve", "huangshi-duty", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("decidedBy")).isEqualTo("huangshi-duty");
        assertThat(approved.text("decidedTier")).isEqualTo("TOWN");
        assertThat(Instant.parse(approved.text("decidedAt"))).isBetween(now, Instant.now());
        assertThat(approved.text("filedBy")).isEqualTo("jinrong-admin");

        Answer twice = call("POST", "/api/v1/filings/" + id + "/approve", "licheng-duty", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("from").asString()).isEqualTo("APPROVED");
        assertThat(twice.body().get("to").asString()).isEqualTo("APPROVED");
        assertThat(twice.body().get("type")).isNotNull();
        Answer withdrawLate = call("POST", "/api/v1/filings/" + id + "/withdraw", "jinrong-admin", null);
        assertThat(withdrawLate.status()).isEqualTo(409);
        assertThat(withdrawLate.body().get("detail").asString()).contains("APPROVED").contains("WITHDRAWN");

        assertThat(call("GET", "/api/v1/filings?state=APPROVED&uscc=" + HUANGSHI_WOOD, "licheng-duty", null)
                .body().findValuesAsString("filingId")).containsExactly(id);
        assertThat(call("GET", "/api/v1/filings?state=SUBMITTED", "licheng-duty", null).body()).isEmpty();

        assertThat(call("POST", "/api/v1/filings/" + id + "/end", "huangshi-duty", null).status()).isEqualTo(403);
        Answer ended = call("POST", "/api/v1/filings/" + id + "/end", "jinrong-admin", null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.text("status")).isEqualTo("ENDED");
        assertThat(ended.text("closedAt")).isNotNull();
        assertThat(ended.text("decidedBy")).as("the approval stays recorded").isEqualTo("huangshi-duty");

        List<Filing> events = events(id, 3);
        assertThat(events).extracting(Filing::status)
                .containsExactly(FilingStatus.SUBMITTED, FilingStatus.APPROVED, FilingStatus.ENDED);
        assertThat(events.get(1).approver()).isEqualTo("huangshi-duty");
        assertThat(events.get(1).approverTier()).isEqualTo("TOWN");
        assertThat(events.get(2).coversTime(Instant.now())).as("the engine stops suppressing").isFalse();
        assertThat(events.get(1).coversTime(Instant.now())).isTrue();
    }

    @Test
    @Order(2)
    void aRejectionNeedsARemarkAndAWithdrawalIsTheEnterprisesOwn() throws Exception {
        String rejected = fileStop("临时停产");
        Answer noRemark = call("POST", "/api/v1/filings/" + rejected + "/reject", "licheng-duty", "{}");
        assertThat(noRemark.status()).isEqualTo(400);
        assertThat(noRemark.body().findValuesAsString("field")).containsExactly("remark");
        Answer rejection = call("POST", "/api/v1/filings/" + rejected + "/reject", "licheng-duty", "{\"remark\":\"窗口过长，请按实际停产时间报备\"}");
        assertThat(rejection.status()).isEqualTo(200);
        assertThat(rejection.text("status")).isEqualTo("REJECTED");
        assertThat(rejection.text("decidedTier")).isEqualTo("DISTRICT");
        assertThat(rejection.text("remark")).isEqualTo("窗口过长，请按实际停产时间报备");

        String withdrawn = fileStop("订单取消");
        assertThat(call("POST", "/api/v1/filings/" + withdrawn + "/withdraw", "huangshi-duty", null).status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/filings/" + withdrawn + "/withdraw", "xindu-admin", null).status()).isEqualTo(404);
        Answer w = call("POST", "/api/v1/filings/" + withdrawn + "/withdraw", "jinrong-admin", null);
        assertThat(w.text("status")).isEqualTo("WITHDRAWN");
        assertThat(call("POST", "/api/v1/filings/" + withdrawn + "/approve", "huangshi-duty", null).body().get("from").asString())
                .isEqualTo("WITHDRAWN");

        assertThat(events(rejected, 2)).extracting(Filing::status).containsExactly(FilingStatus.SUBMITTED, FilingStatus.REJECTED);
        assertThat(events(withdrawn, 2)).extracting(Filing::status).containsExactly(FilingStatus.SUBMITTED, FilingStatus.WITHDRAWN);
    }

    @Test
    @Order(3)
    void aFilingPastItsPlannedEndIsShownExpiredAndCannotBeApproved() throws Exception {
        String id = fileStop("夜班停产");
        // time passes: the planned end is now behind us
        jdbc.sql("UPDATE ingest.filing SET start_at = now() - interval '2 hours', planned_end = now() - interval '1 minute' "
                + "WHERE filing_id = CAST(:id AS uuid)").param("id", id).update();
        assertThat(call("GET", "/api/v1/filings/" + id, "jinrong-admin", null).text("status")).isEqualTo("EXPIRED");
        assertThat(call("GET", "/api/v1/filings?state=EXPIRED", "huangshi-duty", null).body().findValuesAsString("filingId"))
                .containsExactly(id);
        Answer late = call("POST", "/api/v1/filings/" + id + "/approve", "huangshi-duty", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("from").asString()).isEqualTo("EXPIRED");
        assertThat(jdbc.sql("SELECT status FROM ingest.filing WHERE filing_id = CAST(:id AS uuid)").param("id", id)
                .query(String.class).single()).as("never stored").isEqualTo("SUBMITTED");
    }

    @Test
    @Order(4)
    void aTownRegulatorEntersAnApprovedFilingAtOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Answer entered = call("POST", "/api/v1/filings", "huangshi-duty", """
                {"uscc":"%s","kind":"COLLECTOR_OUT_OF_SERVICE","collectorCode":"%s-DC002","start":"%s","plannedEnd":"%s","reason":"更换滤袋"}
                """.formatted(HUANGSHI_WOOD, HUANGSHI_WOOD, now, now.plus(Duration.ofDays(1))));
        assertThat(entered.status()).isEqualTo(202);
        assertThat(entered.text("status")).isEqualTo("APPROVED");
        assertThat(entered.text("decidedBy")).isEqualTo("huangshi-duty");
        assertThat(call("POST", "/api/v1/filings", "xindu-duty", """
                {"uscc":"%s","kind":"STOP_PRODUCTION","start":"%s","plannedEnd":"%s","reason":"x"}
                """.formatted(HUANGSHI_WOOD, now, now.plus(Duration.ofDays(1)))).status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void aCityNodesFilingMessageIsStoredSubmittedOnceAndItsTownApprovesIt() throws Exception {
        java.time.format.DateTimeFormatter spec = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String msgId = "filing-" + UUID.randomUUID();
        String push = """
                {"messages":[{"msgId":"%2$s","msgType":"FILING","specVersion":"1.0","enterpriseCode":"%1$s",
                 "gatewayCode":"%1$s-GW01","sendTime":"%3$s","filingKind":"MAINTENANCE","collectorCode":"%1$s-DC001",
                 "startTime":"%3$s","plannedEndTime":"%4$s","reason":"除尘器检修"}]}
                """.formatted(HUANGSHI_WOOD, msgId, spec.format(now), spec.format(now.plus(Duration.ofHours(4))));
        Answer first = call("POST", "/api/v1/ingest/messages", "putian-node", push);
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(202);
        assertThat(first.body().get("accepted").intValue()).isEqualTo(1);
        Answer again = call("POST", "/api/v1/ingest/messages", "putian-node", push);
        assertThat(again.body().get("duplicates").intValue()).isEqualTo(1);

        JsonNode listed = call("GET", "/api/v1/filings?state=SUBMITTED", "huangshi-duty", null).body();
        assertThat(listed).hasSize(1);
        JsonNode node = listed.get(0);
        assertThat(node.get("source").asString()).isEqualTo("NODE");
        assertThat(node.get("msgId").asString()).isEqualTo(msgId);
        assertThat(node.get("filedBy").asString()).isEqualTo("putian-node");
        assertThat(Instant.parse(node.get("plannedEnd").asString())).isEqualTo(now.plus(Duration.ofHours(4)));
        String id = node.get("filingId").asString();
        assertThat(call("POST", "/api/v1/filings/" + id + "/approve", "huangshi-duty", null).text("status")).isEqualTo("APPROVED");
        List<Filing> events = events(id, 2);
        assertThat(events).extracting(Filing::status).containsExactly(FilingStatus.SUBMITTED, FilingStatus.APPROVED);
        assertThat(events.get(0).source()).isEqualTo("NODE");
    }

    static final String PHOTO_1 = "a".repeat(63) + "1";
    static final String PHOTO_2 = "b".repeat(63) + "2";

    static String checkIn(String area, String photo) {
        return """
                {"areaCode":"%s","method":"VACUUM","photoHashes":["%s"],"person":"王师傅","latitude":25.43,"longitude":119.01}
                """.formatted(area, photo);
    }

    @Test
    @Order(6)
    void cleaningCheckInsAreStoredAPhotoCountsOnceAndComplianceIsPerChinaDay() throws Exception {
        assertThat(call("POST", "/api/v1/cleaning/check-ins", "jinrong-admin", checkIn("HOPPER", PHOTO_1)).body()
                .findValuesAsString("field")).as("no plan yet").containsExactly("areaCode");
        Answer plan = call("PUT", "/api/v1/cleaning/plan", "jinrong-admin", """
                {"areas":[{"areaCode":"FLOOR","name":"砂光车间地面","frequency":"PER_SHIFT"},
                          {"areaCode":"HOPPER","name":"灰斗卸灰口","frequency":"DAILY"},
                          {"areaCode":"BEAMS","name":"梁柱","frequency":"WEEKLY"}],
                 "shifts":[{"name":"白班","start":"08:00","end":"17:00"},{"name":"夜班","start":"20:00","end":"04:00"}]}
                """);
        assertThat(plan.status()).isEqualTo(202);
        assertThat(call("GET", "/api/v1/cleaning/plan", "jinrong-admin", null).body().get("areas")).hasSize(3);
        assertThat(call("GET", "/api/v1/cleaning/plan?uscc=" + HUANGSHI_WOOD, "huangshi-duty", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/cleaning/plan?uscc=" + HUANGSHI_WOOD, "xindu-duty", null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/cleaning/plan?uscc=" + HUANGSHI_WOOD, "xindu-admin", null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/cleaning/plan?uscc=" + XINDU_ALMG, "xindu-admin", null).status()).as("no plan").isEqualTo(404);

        Answer unknownArea = call("POST", "/api/v1/cleaning/check-ins", "jinrong-admin", checkIn("ROOF", PHOTO_1));
        assertThat(unknownArea.status()).isEqualTo(400);
        assertThat(unknownArea.body().findValuesAsString("reason")).containsExactly("ROOF is not an area of the cleaning plan");
        Answer first = call("POST", "/api/v1/cleaning/check-ins", "jinrong-admin", checkIn("HOPPER", PHOTO_1));
        assertThat(first.status()).isEqualTo(202);
        Answer samePhoto = call("POST", "/api/v1/cleaning/check-ins", "jinrong-admin", checkIn("BEAMS", PHOTO_1));
        assertThat(samePhoto.status()).isEqualTo(409);
        assertThat(samePhoto.body().get("code").asString()).isEqualTo("DUPLICATE_PHOTO");
        assertThat(samePhoto.body().get("photoHashes").get(0).asString()).isEqualTo(PHOTO_1);
        assertThat(call("POST", "/api/v1/cleaning/check-ins", "jinrong-admin", checkIn("BEAMS", PHOTO_2)).status()).isEqualTo(202);
        assertThat(call("POST", "/api/v1/cleaning/check-ins", "huangshi-duty", checkIn("BEAMS", "c".repeat(64))).status())
                .isEqualTo(403);

        Answer history = call("GET", "/api/v1/cleaning/check-ins?uscc=" + HUANGSHI_WOOD, "huangshi-duty", null);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("checkIns").findValuesAsString("areaCode")).containsExactly("HOPPER", "BEAMS");
        JsonNode days = history.body().get("days");
        assertThat(days).hasSize(7);
        JsonNode today = days.get(6);
        assertThat(today.get("date").asString()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        assertThat(today.get("planned").intValue()).as("2 shifts + daily + weekly").isEqualTo(4);
        assertThat(today.get("done").intValue()).isEqualTo(2);
        assertThat(today.get("missing").toString()).contains("FLOOR@白班").contains("FLOOR@夜班");
        assertThat(days.get(5).get("planned").intValue()).isGreaterThanOrEqualTo(3);
        assertThat(days.get(5).get("closed").booleanValue()).isTrue();

        assertThat(call("GET", "/api/v1/cleaning/check-ins?uscc=" + HUANGSHI_WOOD, "xindu-duty", null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/cleaning/check-ins?uscc=" + HUANGSHI_WOOD, "putian-node", null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/cleaning/check-ins?from=2026-12-06&until=2026-12-01", "jinrong-admin", null).status())
                .isEqualTo(400);
        JsonNode region = call("GET", "/api/v1/cleaning/compliance", "licheng-duty", null).body();
        assertThat(region.findValuesAsString("uscc")).containsExactly(HUANGSHI_WOOD);
        assertThat(region.get(0).get("days").get(0).get("done").intValue()).isEqualTo(2);
        assertThat(call("GET", "/api/v1/cleaning/compliance", "xindu-duty", null).body()).isEmpty();
        assertThat(call("GET", "/api/v1/cleaning/compliance", "jinrong-admin", null).status()).isEqualTo(403);

        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "cleaning-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> areas = new ArrayList<>();
        try (KafkaConsumer<String, dustwatch.contracts.cleaning.CleaningCheckIn> consumer = new KafkaConsumer<>(props,
                Topics.CLEANING_CHECK_INS.keySerde().deserializer(), Topics.CLEANING_CHECK_INS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.CLEANING_CHECK_INS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (areas.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> areas.add(r.value().areaCode()));
            }
        }
        assertThat(areas).as("the refused ones never announced").containsExactly("HOPPER", "BEAMS");
    }

    List<Filing> events(String filingId, int count) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "filings-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Filing> seen = new ArrayList<>();
        try (KafkaConsumer<String, Filing> consumer = new KafkaConsumer<>(props, Topics.FILINGS.keySerde().deserializer(),
                Topics.FILINGS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.FILINGS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Filing> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().filingId().equals(filingId)) {
                        assertThat(r.key()).isEqualTo(r.value().uscc());
                        seen.add(r.value());
                    }
                }
            }
        }
        return seen;
    }

    /** Fixed test tokens instead of an issuer's keys. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Tokens {
        public static final Map<String, Map<String, Object>> CLAIMS = Map.of(
                "putian-node", Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", "350300"),
                "putian-duty", Map.of("preferred_username", "putian-duty", "dw_kind", "REGULATOR", "dw_region", "350300"),
                "licheng-duty", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304"),
                "huangshi-duty", Map.of("preferred_username", "huangshi-duty", "dw_kind", "REGULATOR", "dw_region", "350304101"),
                "xindu-duty", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", "350304102"),
                "jinrong-admin", Map.of("preferred_username", "jinrong-admin", "dw_kind", "ENTERPRISE",
                        "dw_region", "350304101", "dw_uscc", HUANGSHI_WOOD),
                "xindu-admin", Map.of("preferred_username", "xindu-admin", "dw_kind", "ENTERPRISE",
                        "dw_region", "350304102", "dw_uscc", XINDU_ALMG));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(CLAIMS);
        }
    }
}
