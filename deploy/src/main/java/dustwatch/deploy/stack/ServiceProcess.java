package dustwatch.deploy.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One dustwatch service run from its own {@code <module>/target/<module>-<version>-exec.jar}, as it is deployed;
 * configured only through environment variables (docs/architecture.md).
 */
public final class ServiceProcess implements AutoCloseable {
    private final String module;
    private final int port;
    private final ChildProcess process;

    private ServiceProcess(String module, int port, ChildProcess process) {
        this.module = module;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the service; {@link #awaitReady(Duration)} waits for its health probe.
     *
     * @throws IllegalStateException when the exec jar has not been built
     */
    public static ServiceProcess start(Path home, String module, String version, int port, Map<String, String> env,
                                       String java, Path logDir) {
        Path jar = home.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (`mvn package -DskipTests`)");
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions(System.getenv(JVM_OPTIONS)));
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("SERVER_PORT", Integer.toString(port));
        ChildProcess child = ChildProcess.start(module, command, all, logDir.getParent(), logDir.resolve(module + ".log"));
        return new ServiceProcess(module, port, child);
    }

    /**
     * The services' JVM options, replacing the local defaults when set: the benchmarks set production-like options
     * (the C2 compiler, a larger heap), as the container image runs them.
     */
    public static final String JVM_OPTIONS = "DUSTWATCH_SERVICE_JVM_OPTIONS";

    /**
     * The local defaults favour start-up time and footprint on a laptop: a small heap, the serial collector and the
     * C1 compiler only ({@code TieredStopAtLevel=1}); {@code setting} (whitespace-separated) replaces them.
     */
    public static List<String> jvmOptions(String setting) {
        List<String> options = setting == null || setting.isBlank()
                ? new ArrayList<>(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"))
                : new ArrayList<>(List.of(setting.trim().split("\\s+")));
        // a JVM out of heap may live on without serving (the break test saw it): exit, and the watchdog reports it
        if (!options.contains("-XX:+ExitOnOutOfMemoryError")) {
            options.add("-XX:+ExitOnOutOfMemoryError");
        }
        return options;
    }

    /** @throws IllegalStateException when {@code /actuator/health} does not answer 200 in time, or the process dies */
    public void awaitReady(Duration timeout) {
        Wait.until(module, timeout, process, () -> Wait.http200("http://127.0.0.1:" + port + "/actuator/health"));
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public String toString() {
        return "service " + module;
    }

    @Override
    public void close() {
        process.close();
    }
}
