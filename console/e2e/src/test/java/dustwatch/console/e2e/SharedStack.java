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
