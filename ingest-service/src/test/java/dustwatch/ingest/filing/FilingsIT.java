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
 * read; scope (404), kind and tier (403) and illegal transitions (409); every stored change on {@code dust.filing}.
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
