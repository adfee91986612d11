package dustwatch.ingest;

import dustwatch.contracts.topic.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import static dustwatch.ingest.Fixtures.HUANGSHI_WOOD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka down: a push is answered 503 with Retry-After and nothing of it is kept in PostgreSQL (the transaction is
 * rolled back), so the node's retry loses nothing; a registration is kept and its announcement waits in the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IngestApplication.class, IngestIT.Tokens.class})
class BrokerDownIT {
    static final EmbeddedPostgres PG;
    static final int DEAD_PORT;

    static {
        try {
            PG = EmbeddedPostgres.builder().start();
            try (ServerSocket s = new ServerSocket(0)) {
                DEAD_PORT = s.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PG.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + DEAD_PORT);
        registry.add("spring.kafka.admin.auto-create", () -> "false");
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "1500");
        registry.add("dustwatch.ingest.send-timeout", () -> "3s");
        registry.add("dustwatch.ingest.retry-after", () -> "15s");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        PG.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aRegistrationIsKeptAndItsAnnouncementWaitsInTheOutbox() throws Exception {
        String other = "91350304MA2DW9998" + dustwatch.contracts.enterprise.Uscc.checkCharacter("91350304MA2DW9998");
        HttpResponse<String> r = call("PUT", "/api/v1/registry/enterprises/" + other, "putian-node",
                IngestIT.huangshiRegistration("350304101").replace(HUANGSHI_WOOD, other));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.enterprise WHERE uscc = :u").param("u", other)
                .query(Long.class).single()).isEqualTo(1);
        Thread.sleep(2_000);
        assertThat(jdbc.sql("SELECT message_key FROM ingest.outbox").query(String.class).list())
                .as("the relay could not publish; the profile waits").containsExactly(other);
    }

    @Test
    void aPushIsRefused503AndNoReceiptIsKept() throws Exception {
        // the enterprise is in the registry table already (written directly: the PUT cannot succeed without Kafka)
        jdbc.sql("""
                INSERT INTO ingest.enterprise (uscc, name, region_code, dust_type, dust_workers, ignition_prone_process,
                    collectors, updated_at, updated_by)
                VALUES (:u, '黄石金榕木艺有限公司', '350304101', 'WOOD', 42, true, '[]'::jsonb, now(), 'test')
                ON CONFLICT (uscc) DO NOTHING
                """).param("u", HUANGSHI_WOOD).update();
        String t = LocalDateTime.ofInstant(Instant.now(), dustwatch.ingest.push.MessageTimes.CHINA)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String hb = """
                {"messages":[{"msgId":"hb-down-1","msgType":"HEARTBEAT","enterpriseCode":"%1$s",
                  "gatewayCode":"%1$s-GW01","sendTime":"%2$s","bufferedMessages":3}]}
                """.formatted(HUANGSHI_WOOD, t);
        HttpResponse<String> r = call("POST", "/api/v1/ingest/messages", "putian-node", hb);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("15");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.receipt").query(Long.class).single()).isZero();
    }
}
