package dustwatch.console.e2e;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The duty console in headless Chromium (Debian's {@code chromium}, driven by {@code playwright-core} from npm,
 * no browser download) on the real stack: Keycloak login as {@code licheng-duty}, a hopper excursion of
 * 鸿福红木家具 pushed as the city node appears on the open duty page without reload, the enterprise user
 * signs in and reports, the district clears, {@code xindu-duty} does not see it, a lost session shows the
 * session-ended page, logout ends the session. The script fails when any request of the browser leaves
 * localhost. Screenshots: {@code target/screenshots/} (copied to {@code docs/console/}).
 * The stack is {@link SharedStack}'s.
 */
@Order(1)
class ConsoleBrowserIT {
    static final HttpClient HTTP = SharedStack.HTTP;
    static final Path CHROMIUM = Path.of(System.getProperty("dustwatch.e2e.chromium", "/usr/bin/chromium"));

    @BeforeAll
    static void startStack() {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; .ci/run installs it)").isExecutable();
        SharedStack.start();
    }

    @Test
    void dutyOfficerSeesTheWarningLiveAndTheClosedLoopRunsInTheBrowser() throws Exception {
        SimulatedEnterprise hongfu = SimulatedEnterprise.licheng().stream()
                .filter(e -> e.handle().equals("hongfu")).findFirst().orElseThrow();
        Path module = Path.of("").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("node", module.resolve("src/test/js/console.e2e.mjs").toString())
                .directory(module.toFile())
                .redirectErrorStream(true);
        builder.environment().put("GATEWAY_URL", SharedStack.gatewayUrl());
        builder.environment().put("HONGFU_USCC", hongfu.uscc());
        builder.environment().put("SCREENSHOTS", module.resolve("target/screenshots").toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process browser = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        List<Thread> pushers = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
             OutputStream toBrowser = browser.getOutputStream()) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println("[browser] " + line);
                output.add(line);
                if (line.startsWith("CLEARED ")) {
                    SharedStack.clearedWarningId = line.substring("CLEARED ".length());
                }
                if (line.equals("WAITING_FOR_WARNING")) {
                    Thread pusher = Thread.ofVirtual().name("console-e2e-excursion").start(() -> pushUntilWarned(hongfu));
                    pushers.add(pusher);
                    toBrowser.write("PUSHED\n".getBytes(StandardCharsets.UTF_8));
                    toBrowser.flush();
                }
            }
        } finally {
            if (!browser.waitFor(30, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
            pushers.forEach(Thread::interrupt);
        }
        assertThat(browser.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(output).anyMatch(l -> l.startsWith("OK ") && l.endsWith("all to localhost"));
        try (var shots = Files.list(module.resolve("target/screenshots"))) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(13);
        }
    }

    /**
     * Registers 鸿福 and pushes its excursion, again every 10 s until the district sees a warning of it (at most
     * 150 s): the risk engine skips readings of an enterprise whose registration it has not read yet. Stops at
     * the first warning, so that no later push changes what the browser is looking at.
     */
    private static void pushUntilWarned(SimulatedEnterprise hongfu) {
        try {
            String node = TokenSource.clientCredentials(HTTP, SharedStack.tokenEndpoint(), "putian-node", "putian-node-secret").token();
            String district = TokenSource.password(HTTP, SharedStack.tokenEndpoint(), "licheng-duty", "dustwatch").token();
            var registered = call("PUT", "/api/v1/registry/enterprises/" + hongfu.uscc(), node, Messages.profile(hongfu));
            if (registered.statusCode() != 200) {
                System.out.println("[console-e2e] registering 鸿福 failed: " + registered.statusCode() + " " + registered.body());
                return;
            }
            Messages messages = new Messages(new Random(7));
            java.util.Set<String> before = hongfuWarnings(hongfu, district);
            Instant until = Instant.now().plusSeconds(150);
            while (Instant.now().isBefore(until)) {
                pushExcursion(hongfu, node, messages);
                for (int poll = 0; poll < 5; poll++) {
                    Thread.sleep(2000);
                    java.util.Set<String> now = hongfuWarnings(hongfu, district);
                    now.removeAll(before);
                    if (!now.isEmpty()) {
                        System.out.println("[console-e2e] a new warning of 鸿福 is listed (" + now + "); no further push");
                        return;
                    }
                }
                System.out.println("[console-e2e] no warning of 鸿福 yet; pushing the excursion again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.out.println("[console-e2e] pushing the excursion failed: " + e);
        }
    }

    /** The ids of the 鸿福 warnings the district lists. */
    private static java.util.Set<String> hongfuWarnings(SimulatedEnterprise hongfu, String district) throws IOException, InterruptedException {
        var list = HTTP.send(HttpRequest.newBuilder(URI.create(SharedStack.gatewayUrl() + "/api/v1/warnings"))
                .header("Authorization", "Bearer " + district).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.Set<String> ids = new java.util.HashSet<>();
        if (list.statusCode() == 200) {
            for (var warning : Json.MAPPER.readTree(list.body()).findParents("warningId")) {
                if (hongfu.uscc().equals(warning.path("uscc").asString())) {
                    ids.add(warning.path("warningId").asString());
                }
            }
        }
        return ids;
    }

    /** What the simulator does at its first push: 鸿福's hopper at 72–76 ℃ for 100 s, as the Putian node. */
    private static void pushExcursion(SimulatedEnterprise hongfu, String node, Messages messages) throws IOException, InterruptedException {
        Instant start = Instant.now().minusSeconds(100);
        List<Map<String, Object>> excursion = new ArrayList<>();
        for (int i = 0; i <= 9; i++) {
            excursion.add(messages.realtime(hongfu, start.plusSeconds(10L * i), true));
        }
        var pushed = call("POST", "/api/v1/ingest/messages", node, Map.of("messages", excursion));
        if (pushed.statusCode() != 202) {
            System.out.println("[console-e2e] the excursion was refused: " + pushed.statusCode() + " " + pushed.body());
        }
    }

    private static HttpResponse<String> call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedStack.gatewayUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
