package dustwatch.chaos;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import dustwatch.deploy.stack.Ports;
import dustwatch.deploy.stack.Stack;
import dustwatch.deploy.stack.Supervisor;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/chaos/run.sh}: starts a local stack (supervised like {@code run-local.sh}), and for each scenario runs
 * the {@link ResendingClient} (4 threads, 5 pushes/s each of 20 messages), injects the fault, lets the client
 * resend what was refused, waits for the readings sink to drain and accounts for every msgId: acknowledged vs
 * receipts and reading rows in PostgreSQL vs committed events on {@code dust.realtime}. Prints a Markdown table.
 * Scenarios: {@code kill:<part>} (kill -9, the supervisor restarts it), {@code pause:<kafka|postgresql>} (SIGSTOP for
 * {@code --pause-seconds}, then SIGCONT), {@code overload} (10 more threads pushing as fast as answered).
 */
@Command(name = "chaos", mixinStandardHelpOptions = true, description = "Runs the chaos suite against a fresh local stack.")
public final class ChaosSuite implements Callable<Integer> {
    public static final List<String> ALL = List.of("kill:ingest-service", "kill:risk-engine", "kill:alert-service",
            "kill:disposal-service", "kill:gateway", "kill:kafka", "pause:postgresql", "pause:kafka", "overload");
    private static final Pattern HEALTHY = Pattern.compile("dustwatch: (\\S+) is healthy again at \\S+: ([0-9.]+) s after it died");

    @Option(names = "--home", description = "repository root (default: current directory)")
    Path home = Path.of("").toAbsolutePath();
    @Option(names = "--data-dir", description = "the stack's data and logs (default: bench/chaos/target/chaos-stack)")
    Path dataDir;
    @Option(names = "--port-offset", description = "port offset of the stack (default: ${DEFAULT-VALUE})")
    int portOffset = 4000;
    @Option(names = "--scenarios", split = ",", description = "scenarios to run (default: all: ${DEFAULT-VALUE})")
    List<String> scenarios = ALL;
    @Option(names = "--pause-seconds", description = "how long a pause lasts (default: ${DEFAULT-VALUE})")
    int pauseSeconds = 60;
    @Option(names = "--overload-seconds", description = "how long the overload lasts (default: ${DEFAULT-VALUE})")
    int overloadSeconds = 60;
    @Option(names = "--warm-seconds", description = "load before the fault (default: ${DEFAULT-VALUE})")
    int warmSeconds = 10;
    @Option(names = "--after-seconds", description = "load after the fault is over (default: ${DEFAULT-VALUE})")
    int afterSeconds = 15;
    @Option(names = "--report", description = "also write the table to this file")
    Path report;

    /** One scenario's figures. */
    public record Result(String scenario, int pushes, int ok, int unavailable, int tooMany, int otherFailures,
                         int acknowledged, int rejected, int unacknowledged, int missingReceipts, int missingReadings,
                         int duplicatedInDatabase, int committedEvents, int duplicatedOnTopic, int acknowledgedNotOnTopic,
                         double longestGapSeconds, String restartSeconds, double drainSeconds, long p99Millis,
                         int storedLate) {
        String row() {
            return String.format("| %s | %d | %d / %d / %d / %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f | %s | %.0f | %d | %d |",
                    scenario, pushes, ok, unavailable, tooMany, otherFailures, acknowledged, unacknowledged,
                    missingReceipts, missingReadings, acknowledgedNotOnTopic, duplicatedInDatabase, committedEvents,
                    duplicatedOnTopic, longestGapSeconds, restartSeconds, drainSeconds, p99Millis, storedLate);
        }

        /** This result after a late look at the readings: {@code missing} still without rows. */
        Result recounted(int missing) {
            return new Result(scenario, pushes, ok, unavailable, tooMany, otherFailures, acknowledged, rejected,
                    unacknowledged, missingReceipts, missing, duplicatedInDatabase, committedEvents, duplicatedOnTopic,
                    acknowledgedNotOnTopic, longestGapSeconds, restartSeconds, drainSeconds, p99Millis,
                    storedLate + missingReadings - missing);
        }

        /** True when nothing acknowledged is missing and nothing is duplicated. */
        public boolean clean() {
            return missingReceipts == 0 && missingReadings == 0 && acknowledgedNotOnTopic == 0 && duplicatedInDatabase == 0
                    && duplicatedOnTopic == 0 && rejected == 0;
        }
    }

    public static final String HEADER = """
            | scenario | pushes | 2xx / 503 / 429 / other | msgs acked | never acked | acked, no receipt | acked, no readings | acked, not on topic | dup in DB | committed events | dup on topic | longest 2xx gap s | restart→healthy s | sink drained s | p99 ms | stored after the drain wait |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|""";

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosSuite()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Result> results = run(line -> System.out.println(line));
        String table = HEADER + "\n" + String.join("\n", results.stream().map(Result::row).toList());
        System.out.println("\n" + table);
        if (report != null) {
            Files.writeString(report, table + "\n");
        }
        return results.stream().allMatch(Result::clean) ? 0 : 2;
    }

    /** Starts the stack, runs the scenarios, stops the stack. */
    public List<Result> run(java.util.function.Consumer<String> out) throws Exception {
        Path data = (dataDir != null ? dataDir : home.resolve("bench/chaos/target/chaos-stack")).toAbsolutePath();
        Stack.Options options = new Stack.Options(home, data, Ports.offset(portOffset), null, null, null);
        long t0 = System.nanoTime();
        out.accept("chaos: starting the stack in " + data);
        List<Result> results = new ArrayList<>();
        try (Stack stack = Stack.start(options, line -> out.accept("  " + line))) {
            Thread stopOnSignal = new Thread(stack::close);
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            out.accept(String.format("chaos: stack ready (%.0f s)", (System.nanoTime() - t0) / 1e9));
            Map<String, Double> healthyAfter = new ConcurrentHashMap<>();
            Supervisor supervisor = new Supervisor(stack, Supervisor.Policy.defaults(), line -> {
                out.accept(line);
                Matcher m = HEALTHY.matcher(line);
                if (m.find()) {
                    healthyAfter.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            });
            ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
            watch.scheduleWithFixedDelay(supervisor::check, 1, 1, TimeUnit.SECONDS);
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
                TokenSource tokens = TokenSource.clientCredentials(http, stack.tokenEndpoint(), "putian-node", "putian-node-secret");
                List<SimulatedEnterprise> enterprises = SimulatedEnterprise.licheng();
                register(stack.gatewayUrl(), tokens, http, enterprises);
                Accounting accounting = new Accounting(stack.kafkaBootstrapServers(), stack.database().jdbcUrl(),
                        stack.database().user(), stack.database().password());
                String run = UUID.randomUUID().toString().substring(0, 6);
                Instant origin = Instant.now();
                for (String scenario : scenarios) {
                    Result r = scenario(scenario, prefix(run, scenario), stack,
                            http, tokens, enterprises, accounting, healthyAfter, origin, out);
                    out.accept(HEADER.lines().findFirst().orElseThrow());
                    out.accept(r.row());
                    results.add(r);
                }
                // a sink slower than the drain wait is lag, not loss: look again, up to 5 minutes
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                for (int i = 0; i < results.size(); i++) {
                    Result r = results.get(i);
                    if (r.missingReadings() == 0) {
                        continue;
                    }
                    int missing = r.missingReadings();
                    while (missing > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(5000);
                        Map<String, Integer> rows = accounting.readingRows(prefix(run, r.scenario()));
                        missing = (int) acknowledgedBy.get(r.scenario()).stream().filter(id -> !rows.containsKey(id)).count();
                    }
                    results.set(i, r.recounted(missing));
                }
            } finally {
                supervisor.close();
                watch.shutdownNow();
            }
        }
        return results;
    }

    private final Map<String, Set<String>> acknowledgedBy = new ConcurrentHashMap<>();

    private static String prefix(String run, String scenario) {
        return "c" + run + "-" + scenario.replaceAll("[^A-Za-z0-9]", "");
    }

    private Result scenario(String scenario, String prefix, Stack stack, HttpClient http, TokenSource tokens,
                            List<SimulatedEnterprise> enterprises, Accounting accounting, Map<String, Double> healthyAfter,
                            Instant origin, java.util.function.Consumer<String> out) throws Exception {
        out.accept("chaos: scenario " + scenario);
        Map<TopicPartition, Long> from = accounting.committedEnds();
        ResendingClient client = new ResendingClient(stack.gatewayUrl(), tokens, http, enterprises, prefix, 20,
                Duration.ofMillis(200), origin);
        ResendingClient extra = null;
        long start = System.nanoTime();
        client.start(4);
        Thread.sleep(warmSeconds * 1000L);
        String restart = "–";
        String[] parts = scenario.split(":", 2);
        switch (parts[0]) {
            case "kill" -> {
                String part = parts[1];
                healthyAfter.remove(part);
                long pid = stack.processes().get(part).pid();
                out.accept("chaos: kill -9 " + part + " (pid " + pid + ")");
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                while (!healthyAfter.containsKey(part) && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                restart = healthyAfter.containsKey(part) ? String.format("%.1f", healthyAfter.get(part)) : "not back";
            }
            case "pause" -> {
                List<Long> pids = pauseTargets(parts[1], stack);
                out.accept("chaos: SIGSTOP " + parts[1] + " " + pids + " for " + pauseSeconds + " s");
                signal("STOP", pids);
                try {
                    Thread.sleep(pauseSeconds * 1000L);
                } finally {
                    signal("CONT", pids.reversed());
                }
                out.accept("chaos: SIGCONT " + parts[1]);
            }
            case "overload" -> {
                extra = new ResendingClient(stack.gatewayUrl(), tokens, http, enterprises, prefix + "-x", 20, Duration.ZERO, origin);
                out.accept("chaos: overload, 10 more threads pushing as fast as answered for " + overloadSeconds + " s");
                extra.start(10);
                Thread.sleep(overloadSeconds * 1000L);
                extra.stop(Duration.ofSeconds(180));
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        Thread.sleep(afterSeconds * 1000L);
        client.stop(Duration.ofSeconds(180));
        // drained: every receipt of the run has its reading rows (the sink's committed offsets cannot tell: a
        // transaction's commit marker after its last record keeps them one short of the end)
        long drainStart = System.nanoTime();
        int receiptsSeen = 0;
        int withRows = -1;
        while (System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(180)) {
            try {
                receiptsSeen = accounting.receipts(prefix).size();
                withRows = accounting.readingRows(prefix).size();
            } catch (java.sql.SQLException e) {
                withRows = -1;
            }
            if (withRows == receiptsSeen) {
                break;
            }
            Thread.sleep(1000);
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        if (withRows != receiptsSeen) {
            out.accept("chaos: the readings sink did not store every received message in 180 s (" + withRows + " of "
                    + receiptsSeen + ")");
        }
        Map<TopicPartition, Long> to = accounting.committedEnds();
        Set<String> acknowledged = new HashSet<>(client.acknowledged);
        acknowledgedBy.put(scenario, acknowledged);
        Set<String> unacknowledged = new HashSet<>(client.unacknowledged);
        int pushes = client.pushes.get(), ok = client.ok.get(), unavailable = client.unavailable.get(),
                tooMany = client.tooMany.get(), failed = client.failed.get(), rejected = client.rejected.size();
        long p99 = client.p99();
        if (extra != null) {
            acknowledged.addAll(extra.acknowledged);
            unacknowledged.addAll(extra.unacknowledged);
            pushes += extra.pushes.get();
            ok += extra.ok.get();
            unavailable += extra.unavailable.get();
            tooMany += extra.tooMany.get();
            failed += extra.failed.get();
            rejected += extra.rejected.size();
            p99 = Math.max(p99, extra.p99());
        }
        Set<String> receipts = accounting.receipts(prefix);
        Map<String, Integer> rows = accounting.readingRows(prefix);
        Map<String, Integer> events = accounting.committedEvents(prefix, from, to);
        int pointsPerMessage = rows.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int missingReceipts = (int) acknowledged.stream().filter(id -> !receipts.contains(id)).count();
        int missingReadings = (int) acknowledged.stream().filter(id -> !rows.containsKey(id)).count();
        int notOnTopic = (int) acknowledged.stream().filter(id -> !events.containsKey(id)).count();
        // a reading row is keyed (point, collect time) and each message has its own collect time: more rows than
        // the message's points would be a duplicate; a receipt is unique by msgId
        int dupDb = (int) rows.values().stream().filter(n -> n > pointsPerMessage).count();
        int dupTopic = (int) events.values().stream().filter(n -> n > 1).count();
        int committed = events.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(scenario, pushes, ok, unavailable, tooMany, failed, acknowledged.size(), rejected,
                unacknowledged.size(), missingReceipts, missingReadings, dupDb, committed, dupTopic, notOnTopic,
                client.longestGapSeconds(start), restart, drain, p99, 0);
    }

    /** The broker JVM, or PostgreSQL's postmaster and every backend of it. */
    private static List<Long> pauseTargets(String part, Stack stack) throws IOException {
        if (part.equals("kafka")) {
            return List.of(stack.processes().get("kafka").pid());
        }
        if (part.equals("postgresql")) {
            Path pidFile = stack.options().dataDir().resolve("postgres/postmaster.pid");
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            List<Long> pids = new ArrayList<>();
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
            return pids;
        }
        throw new IllegalArgumentException("cannot pause " + part + " (kafka or postgresql)");
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static void register(String gateway, TokenSource tokens, HttpClient http, List<SimulatedEnterprise> enterprises)
            throws Exception {
        for (SimulatedEnterprise e : enterprises) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/registry/enterprises/" + e.uscc()))
                        .header("Authorization", "Bearer " + tokens.token()).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Messages.profile(e))))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("registering " + e.uscc() + " answered " + r.statusCode() + ": " + r.body());
                }
                Thread.sleep(1000);
            }
        }
    }
}
