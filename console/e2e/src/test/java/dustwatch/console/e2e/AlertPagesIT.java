package dustwatch.console.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * alert-service's console pages in headless Chromium on {@link SharedStack}: the routing table (district), the
 * preview and delivery log of the warning the browser test cleared (when it ran), the town's duty roster.
 */
@Order(3)
class AlertPagesIT {
    static final Path CHROMIUM = Path.of(System.getProperty("dustwatch.e2e.chromium", "/usr/bin/chromium"));

    @BeforeAll
    static void startStack() {
        assertThat(CHROMIUM).as("Debian's chromium").isExecutable();
        SharedStack.start();
    }

    @Test
    void routingRosterAndDeliveryPagesShowInTheBrowser() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("node", module.resolve("src/test/js/alert.e2e.mjs").toString())
                .directory(module.toFile()).redirectErrorStream(true);
        builder.environment().put("GATEWAY_URL", SharedStack.gatewayUrl());
        builder.environment().put("WARNING_ID", SharedStack.clearedWarningId == null ? "" : SharedStack.clearedWarningId);
        builder.environment().put("SCREENSHOTS", module.resolve("target/screenshots").toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process browser = builder.start();
        List<String> output = new ArrayList<>();
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
        assertThat(output).contains("OK alert pages, all to localhost");
    }
}
