package dustwatch.deploy.simulator;

import com.sun.net.httpserver.HttpServer;
import dustwatch.contracts.topic.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against a local HTTP server standing in for the gateway and the token endpoint: it registers
 * every enterprise, pushes the mandatory signals, and keeps what the platform did not accept to send again
 * with the same msgIds.
 */
class CityNodeSimulatorTest {
    HttpServer server;
    final List<String> registered = new CopyOnWriteArrayList<>();
    final List<List<String>> pushes = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final List<String> tokensSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> respond(exchange, 200, "{\"access_token\":\"node-token\",\"expires_in\":300}"));
        server.createContext("/api/v1/registry/enterprises/", exchange -> {
            tokensSeen.add(exchange.getRequestHeaders().getFirst("Authorization"));
            registered.add(exchange.getRequestURI().getPath().substring("/api/v1/registry/enterprises/".length()));
            respond(exchange, 200, "{}");
        });
        server.createContext("/api/v1/ingest/messages", exchange -> {
            var body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            List<String> ids = new ArrayList<>();
            body.path("messages").forEach(m -> ids.add(m.path("msgId").asString()));
            pushes.add(ids);
            if (failuresLeft.getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                respond(exchange, 503, "{\"status\":503}");
            } else {
                respond(exchange, 202, "{\"accepted\":" + ids.size() + ",\"duplicates\":0,\"rejected\":[]}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    CityNodeSimulator simulator() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        HttpClient http = HttpClient.newHttpClient();
        return new CityNodeSimulator(SimulatedEnterprise.licheng(), base,
                TokenSource.clientCredentials(http, base + "/token", "putian-node", "secret"), http,
                Duration.ofMinutes(3), Duration.ofMinutes(2), line -> { });
    }

    @Test
    void firstTickRegistersEveryEnterpriseAndPushesEachOnesReadingAndHeartbeat() {
        CityNodeSimulator simulator = simulator();
        simulator.tick(Instant.parse("2026-05-01T02:20:00Z"));
        assertThat(registered).hasSize(30).doesNotHaveDuplicates();
        assertThat(tokensSeen).allMatch("Bearer node-token"::equals);
        assertThat(pushes.stream().mapToInt(List::size).sum()).as("30 REALTIME + 30 HEARTBEAT").isEqualTo(60);
        assertThat(simulator.accepted()).isEqualTo(60);
    }

    @Test
    void whatThePlatformRefusedWith503IsSentAgainWithTheSameMsgIds() {
        failuresLeft.set(1);
        CityNodeSimulator simulator = simulator();
        Instant t = Instant.parse("2026-05-01T02:20:00Z");
        simulator.tick(t);
        assertThat(simulator.accepted()).isZero();
        List<String> refused = pushes.get(0);

        simulator.tick(t.plusSeconds(1));
        List<String> resent = pushes.stream().skip(1).flatMap(List::stream).toList();
        assertThat(resent).containsAll(refused);
        assertThat(simulator.accepted()).isEqualTo(60);
    }

    @Test
    void duringAnExcursionTheHotPlantIsPushedEveryTenSeconds() {
        CityNodeSimulator simulator = simulator();
        Instant t = Instant.parse("2026-05-01T02:20:00Z");
        for (int s = 0; s <= 60; s++) {
            simulator.tick(t.plusSeconds(s));
        }
        long total = pushes.stream().mapToLong(List::size).sum();
        // 7 readings of the excursion plant (0,10,…,60 s); other plants at their 10–60 s cadence; 30 heartbeats at 0 s
        assertThat(total).isGreaterThan(60 + 6);
    }

    static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
