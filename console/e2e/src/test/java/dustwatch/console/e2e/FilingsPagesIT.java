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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filings (报备) and cleaning (清扫打卡) pages in headless Chromium on {@link SharedStack}'s real stack
 * ({@code src/test/js/filings.e2e.mjs}): hongfu-safety files a stop-production filing (the API's validation shown
 * first), huangshi-duty approves it, hongfu sees it APPROVED; hongfu checks in with a photo and the same photo
 * again is refused on the page; huangshi-duty sees 鸿福's compliance. Fails when any browser request leaves
 * localhost. Screenshots: {@code target/screenshots/filings-*.png}, {@code cleaning-*.png}.
 */
@Order(3)
class FilingsPagesIT {
    static final Path CHROMIUM = Path.of(System.getProperty("dustwatch.e2e.chromium", "/usr/bin/chromium"));

    @BeforeAll
    static void startStack() {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; .ci/run installs it)").isExecutable();
        SharedStack.start();
    }

    @Test
    void anEnterpriseFilesItsTownApprovesAndACheckInPhotoCountsOnce() throws Exception {
        SimulatedEnterprise hongfu = SimulatedEnterprise.licheng().stream()
                .filter(e -> e.handle().equals("hongfu")).findFirst().orElseThrow();
        register(hongfu);
        Path module = Path.of("").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("node", module.resolve("src/test/js/filings.e2e.mjs").toString())
                .directory(module.toFile())
                .redirectErrorStream(true);
        builder.environment().put("GATEWAY_URL", SharedStack.gatewayUrl());
        builder.environment().put("HONGFU_USCC", hongfu.uscc());
        builder.environment().put("SCREENSHOTS", module.resolve("target/screenshots").toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process browser = builder.start();
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
        assertThat(output).anyMatch(l -> l.startsWith("OK ") && l.endsWith("all to localhost"));
        try (var shots = Files.list(module.resolve("target/screenshots"))) {
            assertThat(shots.map(p -> p.getFileName().toString())).contains("filings-04-approved.png",
                    "cleaning-02-same-photo-refused.png");
        }
    }

    /** 鸿福 registered by the Putian node (as the simulator does), so that it can file and check in. */
    private static void register(SimulatedEnterprise hongfu) throws Exception {
        String node = TokenSource.clientCredentials(SharedStack.HTTP, SharedStack.tokenEndpoint(), "putian-node",
                "putian-node-secret").token();
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedStack.gatewayUrl() + "/api/v1/registry/enterprises/"
                        + hongfu.uscc())).timeout(Duration.ofSeconds(20))
                .PUT(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Messages.profile(hongfu))))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + node)
                .build();
        // an idempotent PUT: a cold ingest behind the gateway may answer 503 to the first call on a loaded machine
        HttpResponse<String> registered = SharedStack.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        for (int attempt = 1; attempt < 6 && registered.statusCode() == 503; attempt++) {
            Thread.sleep(5000);
            registered = SharedStack.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }
}
