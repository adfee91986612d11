package dustwatch.console.e2e;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disposal pages of the console (issue 7) in headless Chromium on the {@link SharedStack}: 鸿福's hopper
 * excursion (pushed here as the Putian node) opens an alarm case; {@code hongfu-safety} signs it in and closes it
 * with a cause and measures on the alarms page; {@code licheng-duty} opens the supervision page, sees Huangshi in
 * the town ranking and downloads the ranking, which is an xlsx by its bytes. Script: {@code disposal.e2e.mjs}.
 */
@Order(3)
class DisposalPagesIT {
    static final Path CHROMIUM = Path.of(System.getProperty("dustwatch.e2e.chromium", "/usr/bin/chromium"));

    @BeforeAll
    static void startStack() {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; .ci/run installs it)").isExecutable();
        SharedStack.start();
    }

    @Test
    void theEnterpriseClosesAnAlarmAndTheDistrictDownloadsTheRanking() throws Exception {
        SimulatedEnterprise hongfu = SimulatedEnterprise.licheng().stream()
                .filter(e -> e.handle().equals("hongfu")).findFirst().orElseThrow();
        pushExcursion(hongfu);
        Path module = Path.of("").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("node", module.resolve("src/test/js/disposal.e2e.mjs").toString())
                .directory(module.toFile()).redirectErrorStream(true);
        builder.environment().put("GATEWAY_URL", SharedStack.gatewayUrl());
        builder.environment().put("HONGFU_USCC", hongfu.uscc());
        builder.environment().put("SCREENSHOTS", module.resolve("target/screenshots").toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process browser = builder.start();
        browser.getOutputStream().close();
        List<String> output = new CopyOnWriteArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println("[browser] " + line);
                output.add(line);
            }
        } finally {
            if (!browser.waitFor(30, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
        }
        assertThat(browser.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(output).anyMatch(l -> l.startsWith("ALARM_CLOSED "));
        assertThat(output).anyMatch(l -> l.startsWith("XLSX "));
        assertThat(output).contains("OK disposal pages, all to localhost");
    }

    /** 鸿福's hopper at 72–76 ℃ for 100 s, as the Putian node: the risk engine raises a hopper-temperature alarm. */
    private static void pushExcursion(SimulatedEnterprise hongfu) throws Exception {
        String node = TokenSource.clientCredentials(SharedStack.HTTP, SharedStack.tokenEndpoint(), "putian-node", "putian-node-secret").token();
        assertThat(call("PUT", "/api/v1/registry/enterprises/" + hongfu.uscc(), node, Messages.profile(hongfu)).statusCode()).isEqualTo(200);
        Messages messages = new Messages(new Random(17));
        Instant start = Instant.now().minusSeconds(100);
        List<Map<String, Object>> excursion = new ArrayList<>();
        for (int i = 0; i <= 9; i++) {
            excursion.add(messages.realtime(hongfu, start.plusSeconds(10L * i), true));
        }
        HttpResponse<String> pushed = call("POST", "/api/v1/ingest/messages", node, Map.of("messages", excursion));
        if (pushed.statusCode() == 422) {
            // The browser and matrix tests on the same stack push 鸿福's excursion on the same 10 s grid; where their
            // windows meet ours, ingest keeps their reading and reports ours as a conflict. Those seconds already hold
            // an excursion reading, so the alarm still comes; any other reason is a failure.
            var reasons = Json.MAPPER.readTree(pushed.body()).path("rejected").findValuesAsString("code");
            assertThat(reasons).as(pushed.body()).isNotEmpty().containsOnly("READING_CONFLICT");
            assertThat(Json.MAPPER.readTree(pushed.body()).path("accepted").asInt()).as(pushed.body()).isPositive();
            return;
        }
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
    }

    private static HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedStack.gatewayUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build();
        return SharedStack.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
