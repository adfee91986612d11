package dustwatch.console.e2e;

import dustwatch.deploy.stack.Ports;
import dustwatch.deploy.stack.Stack;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real stack for the test classes of this module, started by the first that asks and stopped when the
 * test JVM ends: ports are the defaults shifted by 3100 (system property {@code dustwatch.e2e.port-offset});
 * data and logs in {@code target/e2e-stack} ({@code dustwatch.e2e.data-dir}, e.g. to reuse an unpacked
 * Keycloak). With {@code dustwatch.e2e.gateway-url} and {@code dustwatch.e2e.issuer} set, the tests run
 * against that already running stack instead (e.g. {@code deploy/run-local.sh --no-simulator}).
 * Also carries what the classes pass on: the warning the browser test raised.
 */
final class SharedStack {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Stack stack;
    private static String gatewayUrl;
    private static String issuer;
    /** The 鸿福 warning the browser test took through the closed loop (CLEARED afterwards), or null. */
    static volatile String clearedWarningId;

    private SharedStack() {
    }

    static synchronized void start() {
        if (gatewayUrl != null) {
            return;
        }
        if (System.getProperty("dustwatch.e2e.gateway-url") != null) {
            gatewayUrl = System.getProperty("dustwatch.e2e.gateway-url");
            issuer = System.getProperty("dustwatch.e2e.issuer");
            awaitGateway();
            return;
        }
        Path home = Path.of(System.getProperty("dustwatch.home", "../..")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("dustwatch.e2e.data-dir", home.resolve("console/e2e/target/e2e-stack").toString()));
        stack = Stack.start(new Stack.Options(home, data,
                Ports.offset(Integer.getInteger("dustwatch.e2e.port-offset", 3100)), null, null, null),
                line -> System.out.println("[console-e2e] " + line));
        Stack started = stack;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "console-e2e-stack-stop"));
        gatewayUrl = stack.gatewayUrl();
        issuer = stack.issuer();
    }

    /** Against a running stack: waits (at most 3 minutes) until its gateway answers its health probe. */
    private static void awaitGateway() {
        java.time.Instant until = java.time.Instant.now().plusSeconds(180);
        while (java.time.Instant.now().isBefore(until)) {
            try {
                var health = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gatewayUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the gateway at " + gatewayUrl + " did not answer its health probe within 3 minutes");
    }

    static String gatewayUrl() {
        return gatewayUrl;
    }

    /** The stack's ports: those it started with, or (against a running stack) the defaults shifted as the gateway's port is. */
    static Ports ports() {
        return stack != null ? stack.options().ports()
                : Ports.offset(java.net.URI.create(gatewayUrl).getPort() - Ports.defaults().gateway());
    }

    static String issuer() {
        return issuer;
    }

    static String tokenEndpoint() {
        return issuer + "/protocol/openid-connect/token";
    }
}
