package dustwatch.deploy;

import dustwatch.deploy.stack.Ports;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/run-local.sh} stops like a service manager: after SIGTERM it returns only when every part has
 * stopped, with exit code 0; by then no process it started is alive and no port of its offset is open.
 * Runs the whole stack (without the simulator) on {@code dustwatch.e2e.port-offset} (default 3000, the
 * end-to-end test's: the two never run at the same time).
 */
class LauncherStopIT {

    @Test
    void sigtermReturnsOnlyWhenEveryPartHasStopped() throws Exception {
        Path home = Path.of(System.getProperty("dustwatch.home", "..")).toAbsolutePath().normalize();
        int offset = Integer.getInteger("dustwatch.e2e.port-offset", 3000);
        Path data = Files.createTempDirectory(home.resolve("deploy/target"), "launcher-stop-");
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/run-local.sh", "--no-simulator",
                "--data-dir", data.toString(), "--port-offset", String.valueOf(offset))
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("DUSTWATCH_SKIP_BUILD", "1"));
        Process script = builder.start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains("dustwatch is ready")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.complete(false);
        });
        reader.start();
        try {
            assertThat(ready.get(8, TimeUnit.MINUTES)).as("ready; output:\n%s", String.join("\n", output)).isTrue();
            List<ProcessHandle> parts = script.descendants().toList();
            assertThat(parts.size()).as("the launcher and its parts").isGreaterThanOrEqualTo(8);

            long t0 = System.nanoTime();
            script.destroy(); // SIGTERM to the script, as a service manager or Ctrl-C would
            assertThat(script.waitFor(3, TimeUnit.MINUTES)).as("the script returned").isTrue();
            double seconds = (System.nanoTime() - t0) / 1e9;

            assertThat(script.exitValue()).as("exit code after a clean stop; output:\n%s", String.join("\n", output)).isZero();
            assertThat(parts.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().command().orElse("?")).toList())
                    .as("processes alive when the script had returned (after %.1f s)", seconds).isEmpty();
            List<String> open = new ArrayList<>();
            Ports.offset(offset).all().forEach((name, port) -> {
                if (listening(port)) {
                    open.add(name + " " + port);
                }
            });
            assertThat(open).as("ports still open").isEmpty();
        } finally {
            if (script.isAlive()) {
                script.descendants().forEach(ProcessHandle::destroyForcibly);
                script.destroyForcibly();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
