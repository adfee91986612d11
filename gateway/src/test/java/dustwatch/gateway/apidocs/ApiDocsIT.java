package dustwatch.gateway.apidocs;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a random port in front of four HTTP servers that answer the sample documents of
 * {@code apidocs/*.json} at {@code /v3/api-docs}: the merged document and Swagger UI need no token and hold every
 * operation of every service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiDocsIT.NoTokens.class)
class ApiDocsIT {
    static final AtomicBoolean RISK_DOWN = new AtomicBoolean();
    static final Map<String, HttpServer> SERVICES = Map.of(
            "ingest", serve("ingest"), "risk", serve("risk"), "alerts", serve("alerts"), "disposal", serve("disposal"));

    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    static HttpServer serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v3/api-docs", exchange -> {
                byte[] body;
                try (InputStream in = ApiDocsIT.class.getResourceAsStream("/apidocs/" + service + ".json")) {
                    body = in.readAllBytes();
                }
                int status = service.equals("risk") && RISK_DOWN.get() ? 500 : 200;
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uri(String service) {
        return "http://127.0.0.1:" + SERVICES.get(service).getAddress().getPort();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URI", () -> uri("ingest"));
        registry.add("RISK_URI", () -> uri("risk"));
        registry.add("ALERT_URI", () -> uri("alerts"));
        registry.add("DISPOSAL_URI", () -> uri("disposal"));
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(s -> s.stop(0));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMergedDocumentNeedsNoTokenAndHoldsEveryServicesOperations() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode merged = ApiDocsMergerTest.JSON.readTree(response.body());
        Set<String> union = new TreeSet<>();
        SERVICES.keySet().forEach(s -> union.addAll(ApiDocsMergerTest.operations(ApiDocsMergerTest.sample(s))));
        assertThat(ApiDocsMergerTest.operations(merged)).isEqualTo(union).hasSize(10);
        assertThat(merged.has(ApiDocsMerger.UNAVAILABLE)).isFalse();
        assertThat(merged.path("components").path("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void aServiceDownIsNamedInTheDocument() throws Exception {
        RISK_DOWN.set(true);
        try {
            JsonNode merged = ApiDocsMergerTest.JSON.readTree(get("/v3/api-docs").body());
            assertThat(merged.path(ApiDocsMerger.UNAVAILABLE).get(0).asString()).isEqualTo("risk");
            assertThat(merged.path("paths").has("/api/v1/risk/enterprises/{uscc}")).isFalse();
        } finally {
            RISK_DOWN.set(false);
        }
    }

    @Test
    void swaggerUiShowsTheMergedDocumentWithoutAToken() throws Exception {
        HttpResponse<String> config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(ApiDocsMergerTest.JSON.readTree(config.body()).path("url").asString()).isEqualTo("/v3/api-docs");
        HttpResponse<String> page = get("/webjars/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @TestConfiguration
    static class NoTokens {
        @Bean
        ReactiveJwtDecoder noTokens() {
            return token -> Mono.error(new BadJwtException("no token is needed here"));
        }
    }
}
