package dustwatch.deploy.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole local system on real parts: a KRaft Kafka broker, PostgreSQL, Keycloak with the dustwatch realm,
 * and the five services as separate processes from their exec jars. Used by the {@code LocalStack} command
 * and by the end-to-end tests. Closing it stops everything it started, newest first.
 */
public final class Stack implements AutoCloseable, Supervisor.Parts {
    /** The services, in the order their ports are listed. */
    public static final List<String> SERVICES = List.of("ingest-service", "risk-engine", "alert-service",
            "disposal-service", "gateway");

    /**
     * @param home        the repository root (holds {@code <module>/target/*-exec.jar} and {@code deploy/keycloak/})
     * @param dataDir     where logs, broker and database files go; Keycloak is unpacked here once and reused
     * @param ports       the ports to use
     * @param databaseUrl an external PostgreSQL (JDBC URL) or null for the embedded one
     */
    public record Options(Path home, Path dataDir, Ports ports, String databaseUrl, String databaseUser,
                          String databasePassword) {
    }

    private final Options options;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ChildProcess> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private KafkaBroker kafka;
    private Database database;
    private Keycloak keycloak;
    // what a restart needs again (set by startAll)
    private volatile boolean closed;
    private String java;
    private Properties build;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceEnv;

    private Stack(Options options, Map<String, Map<String, String>> serviceEnv) {
        this.options = options;
        this.serviceEnv = Map.copyOf(serviceEnv);
    }

    /**
     * Starts everything and returns once every service answers its health probe.
     *
     * @param progress receives one line per part that became ready
     * @throws IllegalStateException naming the part that failed (with its log tail); what had started is stopped
     */
    public static Stack start(Options options, Consumer<String> progress) {
        return start(options, Map.of(), progress);
    }

    /**
     * Like {@link #start(Options, Consumer)}, with extra environment variables for single services (kept across
     * {@link #restart}), e.g. {@code Map.of("disposal-service", Map.of("SPRING_APPLICATION_JSON", "{…}"))} for
     * short deadlines in a test.
     *
     * @param serviceEnv by module name, variables added to (and overriding) the common environment of that service
     */
    public static Stack start(Options options, Map<String, Map<String, String>> serviceEnv, Consumer<String> progress) {
        Stack stack = new Stack(options, serviceEnv);
        try {
            stack.startAll(progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void startAll(Consumer<String> progress) {
        Path data = options.dataDir();
        build = buildProperties();
        java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String javaHome = System.getProperty("java.home");
        checkPortsFree();
        try {
            Files.createDirectories(data.resolve("logs"));
            Keycloak.deleteTree(data.resolve("kafka-logs"));
            Keycloak.deleteTree(data.resolve("kafka-streams"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t0 = System.nanoTime();
        var kafkaReady = CompletableFuture.runAsync(() -> {
            kafka = track(KafkaBroker.start(data, options.ports().kafka(), options.ports().kafkaController(), java,
                    brokerClasspath()));
            processes.put("kafka", kafka.process());
            progress.accept(String.format("kafka broker ready at %s (%.1f s)", kafka.bootstrapServers(), seconds(t0)));
        });
        var databaseReady = CompletableFuture.runAsync(() -> {
            database = track(Database.start(data, options.ports().postgres(), options.databaseUrl(),
                    options.databaseUser(), options.databasePassword()));
            progress.accept(String.format("postgresql ready at %s (%.1f s)", database.jdbcUrl(), seconds(t0)));
        });
        var keycloakReady = CompletableFuture.runAsync(() -> {
            keycloak = track(Keycloak.start(data, Path.of(build.getProperty("keycloak.zip")),
                    build.getProperty("keycloak.version"), options.home().resolve("deploy/keycloak/dustwatch-realm.json"),
                    options.ports().keycloak(), options.ports().keycloakManagement(), javaHome));
            processes.put("keycloak", keycloak.process());
            progress.accept(String.format("keycloak ready at %s (%.1f s)", keycloak.issuer(), seconds(t0)));
        });
        try {
            CompletableFuture.allOf(kafkaReady, databaseReady).join();
        } catch (RuntimeException e) {
            // let Keycloak's start end (ready and tracked, or failed) so that close() stops it too: else it outlives us
            keycloakReady.exceptionally(ignored -> null).join();
            throw e;
        }

        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("KAFKA_REPLICATION_FACTOR", "1");
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("DATABASE_USER", database.user());
        env.put("DATABASE_PASSWORD", database.password());
        env.put("OIDC_ISSUER_URI", "http://localhost:" + options.ports().keycloak() + "/realms/dustwatch");
        env.put("INGEST_URI", "http://127.0.0.1:" + options.ports().ingest());
        env.put("RISK_URI", "http://127.0.0.1:" + options.ports().risk());
        env.put("ALERT_URI", "http://127.0.0.1:" + options.ports().alert());
        env.put("DISPOSAL_URI", "http://127.0.0.1:" + options.ports().disposal());
        env.put("RISK_STATE_DIR", data.resolve("kafka-streams").toString());
        startChannels(progress);
        String version = build.getProperty("project.version");
        List<Integer> ports = servicePorts();
        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            ServiceProcess service = track(ServiceProcess.start(options.home(), SERVICES.get(i), version, ports.get(i),
                    envOf(SERVICES.get(i)), java, data.resolve("logs")));
            processes.put(service.module(), service.process());
            services.add(CompletableFuture.runAsync(() -> {
                service.awaitReady(Duration.ofSeconds(Long.getLong("dustwatch.stack.ready-timeout-seconds", 180)));
                progress.accept(String.format("%s ready on port %d (%.1f s)", service.module(), service.port(), seconds(t0)));
            }));
        }
        services.add(keycloakReady);
        CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)).join();
    }

    private Map<String, String> envOf(String module) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(serviceEnv.getOrDefault(module, Map.of()));
        return all;
    }

    /**
     * Stops the service {@code name} (SIGTERM, then kill after a grace period) without the stack noticing;
     * {@link #restart} starts it again. For tests of a restart mid-flow.
     */
    public void stop(String name) {
        ChildProcess process = processes().get(name);
        if (process == null || !SERVICES.contains(name)) {
            throw new IllegalArgumentException("no service named " + name);
        }
        process.close();
    }

    /**
     * alert-service's outside channels, in this process: the fake SMS provider (records what it receives; {@code
     * POST /control/fail?status=500} makes it fail) on the alert port + 6 (8089), and an SMTP server (GreenMail)
     * on the alert port + 7 (8090).
     */
    private void startChannels(Consumer<String> progress) {
        try {
            dustwatch.fakesms.FakeSmsProvider sms = track(dustwatch.fakesms.FakeSmsProvider.start(options.ports().alert() + 6));
            env.put("SMS_PROVIDER_URL", sms.url());
        } catch (IOException e) {
            throw new UncheckedIOException("fake SMS provider: " + e.getMessage(), e);
        }
        int smtpPort = options.ports().alert() + 7;
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        AutoCloseable stopSmtp = smtp::stop;
        track(stopSmtp);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        progress.accept("fake SMS provider at " + env.get("SMS_PROVIDER_URL") + ", SMTP (GreenMail) at 127.0.0.1:" + smtpPort);
    }

    private List<Integer> servicePorts() {
        return List.of(options.ports().ingest(), options.ports().risk(), options.ports().alert(),
                options.ports().disposal(), options.ports().gateway());
    }

    private <T extends AutoCloseable> T track(T part) {
        started.add(part);
        return part;
    }

    /**
     * Starts the part {@code name} (a service, {@code kafka} or {@code keycloak}) again after it died, with the same
     * ports, environment and data (the broker keeps its log directory), and returns once it is ready.
     *
     * @throws IllegalStateException when it does not become ready within {@code readyTimeout} (it is stopped again)
     *                               or the stack is closing
     */
    @Override
    public void restart(String name, Duration readyTimeout) {
        if (closed) {
            throw new IllegalStateException("the stack is stopping");
        }
        Path data = options.dataDir();
        AutoCloseable part;
        ChildProcess process;
        switch (name) {
            case "kafka" -> {
                KafkaBroker broker = KafkaBroker.start(data, options.ports().kafka(), options.ports().kafkaController(),
                        java, brokerClasspath());
                replace(kafka, broker);
                kafka = broker;
                part = broker;
                process = broker.process();
            }
            case "keycloak" -> {
                Keycloak fresh = Keycloak.start(data, Path.of(build.getProperty("keycloak.zip")),
                        build.getProperty("keycloak.version"), options.home().resolve("deploy/keycloak/dustwatch-realm.json"),
                        options.ports().keycloak(), options.ports().keycloakManagement(), System.getProperty("java.home"));
                replace(keycloak, fresh);
                keycloak = fresh;
                part = fresh;
                process = fresh.process();
            }
            default -> {
                int i = SERVICES.indexOf(name);
                if (i < 0) {
                    throw new IllegalArgumentException("no part named " + name);
                }
                ServiceProcess service = ServiceProcess.start(options.home(), name, build.getProperty("project.version"),
                        servicePorts().get(i), envOf(name), java, data.resolve("logs"));
                synchronized (started) {
                    started.removeIf(p -> p instanceof ServiceProcess old && old.module().equals(name));
                }
                started.add(service);
                part = service;
                process = service.process();
                try {
                    service.awaitReady(readyTimeout);
                } catch (RuntimeException e) {
                    service.close();
                    throw e;
                }
            }
        }
        processes.put(name, process);
        if (closed) {
            closeQuietly(part);
        }
    }

    private void replace(AutoCloseable old, AutoCloseable fresh) {
        synchronized (started) {
            started.remove(old);
            started.add(fresh);
        }
    }

    private void checkPortsFree() {
        List<String> busy = options.ports().all().entrySet().stream()
                .filter(e -> !(e.getKey().equals("postgresql") && options.databaseUrl() != null))
                .filter(e -> Wait.listening(e.getValue()))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + " (another stack running? stop it first)");
        }
    }

    private String brokerClasspath() {
        Path file = options.home().resolve("deploy/target/runtime-classpath.txt");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException(file + " is missing: build first (`mvn package -DskipTests`)", e);
        }
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = Stack.class.getResourceAsStream("/dustwatch-deploy.properties")) {
            if (in == null) {
                throw new IllegalStateException("dustwatch-deploy.properties missing from the classpath: build deploy first");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    public String issuer() {
        return keycloak.issuer();
    }

    public String tokenEndpoint() {
        return keycloak.tokenEndpoint();
    }

    public Database database() {
        return database;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Options options() {
        return options;
    }

    /** Each service's health probe URL by module name, for watching. */
    public Map<String, String> healthUrls() {
        Ports p = options.ports();
        List<Integer> ports = List.of(p.ingest(), p.risk(), p.alert(), p.disposal(), p.gateway());
        Map<String, String> urls = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            urls.put(SERVICES.get(i), "http://127.0.0.1:" + ports.get(i) + "/actuator/health");
        }
        return urls;
    }

    /** True when {@code url} answers 200 within 3 s. */
    public static boolean healthy(String url) {
        return Wait.http200(url);
    }

    /** Every child process by name (kafka, keycloak, the services), for watching. */
    @Override
    public Map<String, ChildProcess> processes() {
        synchronized (processes) {
            return Map.copyOf(processes);
        }
    }

    @Override
    public void close() {
        closed = true;
        List<AutoCloseable> parts;
        synchronized (started) {
            parts = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(parts);
        // services first (they flush to the broker and database), then broker, database and Keycloak together
        closeAll(parts.stream().filter(p -> p instanceof ServiceProcess).toList());
        closeAll(parts.stream().filter(p -> !(p instanceof ServiceProcess)).toList());
    }

    private static void closeAll(List<AutoCloseable> parts) {
        CompletableFuture.allOf(parts.stream().map(p -> CompletableFuture.runAsync(() -> {
            long t0 = System.nanoTime();
            closeQuietly(p);
            if (System.nanoTime() - t0 > 5_000_000_000L) {
                System.err.printf("stopping %s took %.1f s%n", p, (System.nanoTime() - t0) / 1e9);
            }
        })).toArray(CompletableFuture[]::new)).join();
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("while stopping " + part + ": " + e.getMessage());
        }
    }
}
