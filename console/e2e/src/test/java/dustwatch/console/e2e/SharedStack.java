package dustwatch.console.e2e;

import dustwatch.deploy.stack.Ports;
import dustwatch.deploy.stack.Stack;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real stack for the test classes of this module (started by the first that asks, stopped when the test
 * JVM ends): ports are the defaults shifted by 3100 (system property {@code dustwatch.e2e.port-offset}).
 * Also carries what the classes pass on: the warning the browser test raised.
 */
final class SharedStack {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Stack stack;
    /** The 鸿福 warning the browser test took through the closed loop (CLEARED afterwards), or null. */
    static volatile String clearedWarningId;

    private SharedStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Path home = Path.of(System.getProperty("dustwatch.home", "../..")).toAbsolutePath().normalize();
            stack = Stack.start(new Stack.Options(home, home.resolve("console/e2e/target/e2e-stack"),
                    Ports.offset(Integer.getInteger("dustwatch.e2e.port-offset", 3100)), null, null, null),
                    line -> System.out.println("[console-e2e] " + line));
            Stack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "console-e2e-stack-stop"));
        }
        return stack;
    }
}
