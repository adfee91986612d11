package dustwatch.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dustwatch.contracts.enterprise.Uscc;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a random port in front of four real HTTP servers standing in for ingest, risk-engine,
 * alert and disposal; a decoder that knows fixed token strings replaces the issuer's keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // shorter than the slow risk endpoint (8 s), long enough for a cold first call on a busy machine
                "spring.cloud.gateway.server.webflux.httpclient.response-timeout=3s",
                "dustwatch.gateway.config-version=gateway-test-7"
        })
@Import(GatewayRoutingIT.Tokens.class)
class GatewayRoutingIT {

    /** A wood-furniture plant in Huangshi town, 350304101. */
    static final String HUANGSHI_PLANT = "91350304MA2Y4K7L3" + Uscc.checkCharacter("91350304MA2Y4K7L3");

    static final Downstream INGEST = new Downstream("ingest");
    static final Downstream RISK = new Downstream("risk");
    static final Downstream ALERT = new Downstream("alert");
    static final Downstream DISPOSAL = new Downstream("disposal");

    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("INGEST_URI", INGEST::uri);
        registry.add("RISK_URI", RISK::uri);
        registry.add("ALERT_URI", ALERT::uri);
        registry.add("DISPOSAL_URI", DISPOSAL::uri);
    }

    @AfterAll
    static void stopDownstreams() {
        Stream.of(INGEST, RISK, ALERT, DISPOSAL).forEach(Downstream::stop);
    }

    @Test
    void eachPrefixReachesItsServiceWithTheAuthorizationHeaderUnchanged() throws Exception {
        Map<String, String> expected = Map.of(
                "/api/v1/ingest/messages", "ingest",
                "/api/v1/registry/enterprises", "ingest",
                "/api/v1/readings?uscc=" + HUANGSHI_PLANT + "&limit=5", "ingest",
                "/api/v1/risk/enterprises/" + HUANGSHI_PLANT, "risk",
                "/api/v1/alerts/recent", "alert",
                "/api/v1/warnings?state=ISSUED", "disposal");
        for (var route : expected.entrySet()) {
            HttpResponse<String> response = get(route.getKey(), "Bearer licheng");
            assertThat(response.statusCode()).as(route.getKey() + " " + response.body()).isEqualTo(200);
            JsonNode echo = JSON.readTree(response.body());
            assertThat(echo.get("service").asString()).as(route.getKey()).isEqualTo(route.getValue());
            assertThat(echo.get("path").asString()).isEqualTo(route.getKey());
            assertThat(echo.get("authorization").asString()).isEqualTo("Bearer licheng");
        }
    }

    @Test
    void aCityNodePushIsForwardedWithMethodAndBody() throws Exception {
        String batch = "{\"messages\":[{\"msgId\":\"m-1\",\"enterpriseCode\":\"" + HUANGSHI_PLANT + "\"}]}";
        HttpResponse<String> response = http.send(request("/api/v1/ingest/messages", "Bearer putian-node")
                .POST(HttpRequest.BodyPublishers.ofString(batch)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = JSON.readTree(response.body());
        assertThat(echo.get("service").asString()).isEqualTo("ingest");
        assertThat(echo.get("method").asString()).isEqualTo("POST");
        assertThat(echo.get("body").asString()).isEqualTo(batch);
        assertThat(echo.get("authorization").asString()).isEqualTo("Bearer putian-node");
    }

    @Test
    void noTokenIsA401ProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/v1/warnings/w-unsigned", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/warnings/w-unsigned");
        assertThat(DISPOSAL.calls()).doesNotContain("/api/v1/warnings/w-unsigned");
    }

    @Test
    void aGarbageTokenIsA401() throws Exception {
        HttpResponse<String> response = get("/api/v1/risk/enterprises/" + HUANGSHI_PLANT, "Bearer not-a-jwt");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer").contains("invalid_token"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void anUnreachableIssuerIsA503NotA500() throws Exception {
        HttpResponse<String> response = get("/api/v1/warnings/w-issuer", "Bearer issuer-down");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("reason").asString()).isEqualTo("ISSUER_UNREACHABLE");
        assertThat(problem.get("configVersion").asString()).isEqualTo("gateway-test-7");
        assertThat(DISPOSAL.calls()).doesNotContain("/api/v1/warnings/w-issuer");
    }

    @Test
    void aTokenWithoutKindIsA403Problem() throws Exception {
        HttpResponse<String> response = get("/api/v1/registry/enterprises", "Bearer no-kind");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asString()).contains("dw_kind");
        // an unknown kind is no kind
        assertThat(get("/api/v1/registry/enterprises", "Bearer odd-kind").statusCode()).isEqualTo(403);
    }

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }

    /**
     * A burst of concurrent calls is not cut down by a hidden limit: Spring Cloud CircuitBreaker wraps every
     * breaker in a 25-call Resilience4j bulkhead unless told not to, which answered bursts with 503 and then
     * opened the breaker for everyone.
     */
    @Test
    void aBurstOfFortyConcurrentCallsAllReachTheService() throws Exception {
        var calls = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> http.sendAsync(request("/api/v1/warnings/pause", "Bearer licheng").GET().build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var call : calls) {
            statuses.add(call.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).hasSize(40).containsOnly(200);
    }

    @Test
    void aSlowServiceIsCutOffWithA503Problem() throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> response = get("/api/v1/risk/slow", "Bearer licheng");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(7));
        assertUnavailable(response, "risk", "TIMEOUT");
    }

    @Test
    void anOpenBreakerAnswers503WithoutCallingTheService() throws Exception {
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().circuitBreaker("disposal");
        breaker.transitionToForcedOpenState();
        try {
            HttpResponse<String> response = http.send(request("/api/v1/warnings/w-1/sign-in", "Bearer huangshi-plant")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertUnavailable(response, "disposal", "CIRCUIT_OPEN");
            assertThat(DISPOSAL.calls()).doesNotContain("/api/v1/warnings/w-1/sign-in");
        } finally {
            breaker.transitionToClosedState();
        }
        HttpResponse<String> afterwards = get("/api/v1/warnings/w-1", "Bearer huangshi-plant");
        assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(200);
    }

    @Test
    void theResilienceSettingsOfApplicationYmlAreInForce() {
        // resilience4j's own default time limit (1 s) would cut off a cold first call
        assertThat(breakers.getTimeLimiterRegistry().getDefaultConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(breakers.getCircuitBreakerRegistry().getDefaultConfig().getSlidingWindowSize()).isEqualTo(20);
        // a console stream is never a slow call
        assertThat(breakers.getCircuitBreakerRegistry().getConfiguration("alerts")).hasValueSatisfying(
                c -> assertThat(c.getSlowCallDurationThreshold()).isEqualTo(Duration.ofDays(7)));
    }

    @Test
    void alertEventsArriveWhileTheStreamIsStillOpen() throws Exception {
        HttpResponse<Stream<String>> response = http.send(request("/api/v1/alerts/stream", "Bearer licheng")
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("text/event-stream"));
        List<String> lines = new ArrayList<>();
        try (Stream<String> body = response.body()) {
            Iterator<String> it = body.iterator();
            while (it.hasNext()) {
                String line = it.next();
                lines.add(line);
                if (line.startsWith("data:")) {
                    break;
                }
            }
            // the first event came through while the service still holds the stream open
            assertThat(ALERT.streamFinished).isFalse();
            assertThat(lines).containsExactly("event: ready", "data: {\"authorization\":\"Bearer licheng\"}");
            ALERT.releaseStream.countDown();
            it.forEachRemaining(lines::add);
        }
        assertThat(ALERT.streamFinished).isTrue();
        assertThat(lines).contains("event: warning", "data: {\"colour\":\"ORANGE\",\"uscc\":\"" + HUANGSHI_PLANT + "\"}");
    }

    /** The same gateway, with ingest and alert pointed at ports where nothing listens. */
    @Nested
    class WhenServicesAreDown {

        static final int INGEST_DOWN = closedPort();
        static final int ALERT_DOWN = closedPort();

        @DynamicPropertySource
        static void closedPorts(DynamicPropertyRegistry registry) {
            registry.add("INGEST_URI", () -> "http://127.0.0.1:" + INGEST_DOWN);
            registry.add("ALERT_URI", () -> "http://127.0.0.1:" + ALERT_DOWN);
        }

        @Test
        void aRefusedConnectionIsA503ProblemForAnyMethod() throws Exception {
            assertUnavailable(get("/api/v1/registry/enterprises", "Bearer licheng"), "ingest", "CONNECTION_REFUSED");
            HttpResponse<String> put = http.send(request("/api/v1/registry/enterprises/" + HUANGSHI_PLANT, "Bearer putian-node")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"黄石木业家具厂\"}"))
                            .header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertUnavailable(put, "ingest", "CONNECTION_REFUSED");
        }

        @Test
        void theStreamingRouteAnswers503WhenRefused() throws Exception {
            HttpResponse<String> response = http.send(request("/api/v1/alerts/stream", "Bearer licheng")
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
            assertUnavailable(response, "alerts", "CONNECTION_REFUSED");
        }

        @Test
        void otherServicesStillAnswer() throws Exception {
            assertThat(JSON.readTree(get("/api/v1/risk/enterprises/x", "Bearer licheng").body())
                    .get("service").asString()).isEqualTo("risk");
        }
    }

    void assertUnavailable(HttpResponse<String> response, String service, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("service").asString()).isEqualTo(service);
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("configVersion").asString()).isEqualTo("gateway-test-7");
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = authorization == null ? request(path) : request(path, authorization);
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(15));
    }

    HttpRequest.Builder request(String path, String authorization) {
        return request(path).header("Authorization", authorization);
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration
    static class Tokens {
        static final Map<String, Map<String, Object>> CLAIMS = Map.of(
                "licheng", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304"),
                "huangshi-plant", Map.of("preferred_username", "huangshi-safety", "dw_kind", "ENTERPRISE",
                        "dw_region", "350304101", "dw_uscc", HUANGSHI_PLANT),
                "putian-node", Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", "350300"),
                "no-kind", Map.of("sub", "someone", "dw_region", "350304"),
                "odd-kind", Map.of("sub", "someone", "dw_kind", "VISITOR", "dw_region", "350304"));

        @Bean
        ReactiveJwtDecoder fixedTokens() {
            return token -> {
                Map<String, Object> claims = CLAIMS.get(token);
                if (token.equals("issuer-down")) {
                    // what the issuer-backed decoder raises when discovery or the JWK set cannot be fetched
                    return Mono.error(new JwtException("Unable to resolve the Configuration with the provided Issuer"));
                }
                if (claims == null) {
                    return Mono.error(new BadJwtException("unknown test token"));
                }
                return Mono.just(Jwt.withTokenValue(token).header("alg", "none").claims(c -> c.putAll(claims))
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build());
            };
        }
    }

    /** One stand-in service: echoes what it received as JSON; risk has a slow path, alert an event stream. */
    static final class Downstream {
        final String name;
        final HttpServer server;
        final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch releaseStream = new CountDownLatch(1);
        volatile boolean streamFinished;

        Downstream(String name) {
            this.name = name;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", this::echo);
            server.createContext("/api/v1/risk/slow", this::slow);
            server.createContext("/api/v1/warnings/pause", this::pause);
            server.createContext("/api/v1/alerts/stream", this::stream);
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        void stop() {
            server.stop(0);
        }

        private void echo(HttpExchange exchange) throws IOException {
            calls.add(exchange.getRequestURI().getPath());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String json = JSON.writeValueAsString(Map.of(
                    "service", name,
                    "method", exchange.getRequestMethod(),
                    "path", exchange.getRequestURI().toString(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "body", body));
            respond(exchange, 200, "application/json", json);
        }

        /** Answers after 1 s, so that concurrent callers overlap. */
        private void pause(HttpExchange exchange) throws IOException {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "application/json", "{\"service\":\"" + name + "\"}");
        }

        private void slow(HttpExchange exchange) throws IOException {
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "application/json", "{\"service\":\"" + name + "\",\"late\":true}");
        }

        private void stream(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                out.write(("event: ready\ndata: {\"authorization\":\"" + authorization + "\"}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                releaseStream.await(10, TimeUnit.SECONDS);
                out.write(("event: warning\ndata: {\"colour\":\"ORANGE\",\"uscc\":\"" + HUANGSHI_PLANT + "\"}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                streamFinished = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
