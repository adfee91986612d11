package dustwatch.scale;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.simulator.GeneratedRegistry;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import dustwatch.deploy.stack.Ports;
import dustwatch.deploy.stack.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/scale/run.sh}: starts a fresh local stack and measures, side by side in one run, the raw Kafka
 * producer ceiling for records of ingest's size, ingest directly and through the gateway, the readings sink (time
 * to drain, rows/s), the risk topology alone (ReadingBatches/s straight to dust.realtime until its consumer group
 * has caught up), reading → console latency at 25, 50 and 100 % of the measured peak, and (with
 * {@code --overload}) a 10× overload: statuses, heap, recovery and the accounting by msgId. Writes
 * {@code bench/scale/target/scale-result.json}, {@code scale-throughput.png}, {@code scale-lag.png} and prints a
 * Markdown table.
 */
@Command(name = "scale", mixinStandardHelpOptions = true, description = "The national-scale benchmark against a fresh local stack.")
public final class ScaleBench implements Callable<Integer> {
    @Option(names = "--home", description = "repository root (default: current directory)")
    Path home = Path.of("").toAbsolutePath();
    @Option(names = "--data-dir", description = "the stack's data and logs (default: bench/scale/target/scale-stack)")
    Path dataDir;
    @Option(names = "--port-offset", description = "port offset of the stack (default: ${DEFAULT-VALUE})")
    int portOffset = 5570;
    @Option(names = "--seconds", description = "duration of each throughput phase; 300 for the 5-minute sustain (default: ${DEFAULT-VALUE})")
    int seconds = 30;
    @Option(names = "--latency-seconds", description = "duration of each latency level (default: ${DEFAULT-VALUE})")
    int latencySeconds = 25;
    @Option(names = "--connections", description = "pushing connections (default: ${DEFAULT-VALUE})")
    int connections = 8;
    @Option(names = "--messages-per-push", description = "REALTIME messages per push, 8 points each (default: ${DEFAULT-VALUE})")
    int messagesPerPush = 50;
    @Option(names = "--enterprises", description = "generated enterprises pushing (default: ${DEFAULT-VALUE})")
    int enterprises = 600;
    @Option(names = "--risk-batches", description = "ReadingBatches produced straight to dust.realtime (default: ${DEFAULT-VALUE})")
    int riskBatches = 10_000;
    @Option(names = "--overload", description = "also run the 10x overload (10 x --connections, unpaced, through the gateway)")
    boolean overload;
    @Option(names = "--overload-seconds", description = "duration of the overload (default: ${DEFAULT-VALUE})")
    int overloadSeconds = 60;
    @Option(names = "--out", description = "output directory (default: bench/scale/target)")
    Path out;
    @Option(names = "--label", description = "a name for this run in the output (default: ${DEFAULT-VALUE})")
    String label = "run";
    @Option(names = "--jfr", description = "record JFR (settings=profile) of ingest-service and the gateway during the gateway phase")
    boolean jfr;

    private final Map<String, Object> result = new LinkedHashMap<>();
    private final List<Map<String, Object>> lagSeries = Collections.synchronizedList(new ArrayList<>());
    private volatile String phase = "start";

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScaleBench()).execute(args));
    }

    private Path partialFile;

    /** Writes what has been measured so far, so that a run cut short still leaves its figures. */
    private void partial() {
        if (partialFile == null) {
            return;
        }
        try {
            Files.writeString(partialFile, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } catch (Exception e) {
            say("could not write " + partialFile + ": " + e);
        }
    }

    private static void say(String line) {
        System.out.printf("%tT scale: %s%n", System.currentTimeMillis(), line);
    }

    @Override
    public Integer call() throws Exception {
        Path data = (dataDir != null ? dataDir : home.resolve("bench/scale/target/scale-stack")).toAbsolutePath();
        Path outDir = (out != null ? out : home.resolve("bench/scale/target")).toAbsolutePath();
        Files.createDirectories(outDir);
        partialFile = outDir.resolve("scale-result-" + label + ".partial.json");
        result.put("label", label);
        result.put("startedAt", Instant.now().toString());
        result.put("machineBefore", Machine.describe());
        result.put("serviceJvmOptions", dustwatch.deploy.stack.ServiceProcess.jvmOptions(
                System.getenv(dustwatch.deploy.stack.ServiceProcess.JVM_OPTIONS)));
        result.put("settings", Map.of("seconds", seconds, "connections", connections, "messagesPerPush", messagesPerPush,
                "pointsPerMessage", 8, "enterprises", enterprises, "riskBatches", riskBatches, "overload", overload));
        Stack.Options options = new Stack.Options(home, data, Ports.offset(portOffset), null, null, null);
        say("starting the stack in " + data + " (ports +" + portOffset + ")");
        List<Double> loads = Collections.synchronizedList(new ArrayList<>());
        try (Stack stack = Stack.start(options, line -> say("  " + line));
             Broker broker = new Broker(stack.kafkaBootstrapServers())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            stackRef = stack;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            TokenSource node = TokenSource.clientCredentials(http, stack.tokenEndpoint(), "putian-node", "putian-node-secret");
            String gatewayPush = stack.gatewayUrl() + "/api/v1/ingest/messages";
            String ingestBase = "http://127.0.0.1:" + stack.options().ports().ingest();
            String directPush = ingestBase + "/api/v1/ingest/messages";
            List<SimulatedEnterprise> load = GeneratedRegistry.generate(enterprises, 'B',
                    List.of("350302", "350303", "350305", "350322"));
            // a fresh enterprise per probe (its alarm stays open), at most one probe each 0.5 s, for three levels
            int probeCount = 3 * 2 * latencySeconds;
            List<SimulatedEnterprise> probes = GeneratedRegistry.generate(probeCount, 'P', List.of("350304"));
            say("registering " + load.size() + " + " + probes.size() + " enterprises");
            long r0 = System.nanoTime();
            register(http, ingestBase, node, load);
            register(http, ingestBase, node, probes);
            say(String.format("registered in %.1f s", (System.nanoTime() - r0) / 1e9));
            Thread.sleep(5000); // the registry reaches the risk engine
            result.put("residentMiBIdle", Machine.residentMiB(stack));

            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            long origin = System.nanoTime();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("t", Math.round((System.nanoTime() - origin) / 1e8) / 10.0);
                    s.put("phase", phase);
                    s.put("sinkLag", broker.lag(Broker.SINK_GROUP));
                    s.put("riskLag", broker.lag(Broker.RISK_GROUP));
                    double l = Machine.loadAverage();
                    s.put("load", l);
                    loads.add(l);
                    lagSeries.add(s);
                } catch (Exception e) {
                    // a sample lost is no harm
                }
            }, 0, 1, TimeUnit.SECONDS);
            String run = UUID.randomUUID().toString().substring(0, 6);
            Bodies bodies = new Bodies(load, "s" + run, Instant.now().minusSeconds(120), 0);

            phase = "warm-up";
            say("warm-up: 10 s through the gateway");
            new PushLoad(http, gatewayPush, node::token, bodies, messagesPerPush, Duration.ofSeconds(2), false)
                    .run(connections, 0, Duration.ofSeconds(10));
            broker.drainSeconds(Broker.SINK_GROUP, Duration.ofSeconds(180));

            Map<String, Object> direct = throughput("ingest-direct", http, directPush, node, bodies, broker);
            Map<String, Object> gateway = throughput("ingest-gateway", http, gatewayPush, node, bodies, broker);
            result.put("residentMiBPeak", gateway.remove("residentMiB"));
            direct.remove("residentMiB");

            phase = "kafka-ceiling";
            byte[] sample = broker.sampleReadingRecord();
            int size = sample == null ? 1445 : sample.length;
            if (sample == null) {
                sample = new byte[size];
            }
            say("raw producer ceiling, records of " + size + " B, " + Math.min(seconds, 20) + " s");
            double ceiling = broker.producerCeiling(sample, Duration.ofSeconds(Math.min(seconds, 20)));
            result.put("kafkaCeiling", Map.of("recordBytes", size, "recordsPerSecond", Math.round(ceiling),
                    "ingestGatewayShare", Math.round(1000.0 * (double) gateway.get("messagesPerSecond") / ceiling) / 1000.0,
                    "ingestDirectShare", Math.round(1000.0 * (double) direct.get("messagesPerSecond") / ceiling) / 1000.0));
            say(String.format("ceiling %.0f records/s", ceiling));
            partial();

            phase = "risk-alone";
            broker.drainSeconds(Broker.RISK_GROUP, Duration.ofSeconds(300));
            say("risk topology alone: " + riskBatches + " ReadingBatches straight to dust.realtime");
            long t0 = System.nanoTime();
            broker.produceBatches(load, "r" + run, riskBatches);
            double produced = (System.nanoTime() - t0) / 1e9;
            double drained = broker.drainSeconds(Broker.RISK_GROUP, Duration.ofSeconds(600));
            double total = (System.nanoTime() - t0) / 1e9;
            result.put("riskAlone", Map.of("batches", riskBatches, "producedSeconds", round1(produced),
                    "caughtUpSeconds", round1(total), "batchesPerSecond", drained < 0 ? -1 : Math.round(riskBatches / total),
                    "pointsPerSecond", drained < 0 ? -1 : Math.round(8.0 * riskBatches / total)));
            partial();
            say(String.format("risk engine: %d batches caught up in %.1f s (%.0f batches/s)", riskBatches, total, riskBatches / total));
            broker.drainSeconds(Broker.SINK_GROUP, Duration.ofSeconds(300));

            double peakPoints = (double) gateway.get("pointsPerSecond");
            LatencyProbe probe = new LatencyProbe(http, stack.gatewayUrl(), node);
            probe.open(TokenSource.password(http, stack.tokenEndpoint(), "licheng-duty", "dustwatch").token());
            List<Map<String, Object>> latency = new ArrayList<>();
            int nextProbe = 0;
            for (int percent : new int[]{25, 50, 100}) {
                phase = "latency-" + percent;
                double pushesPerSecond = percent / 100.0 * peakPoints / (messagesPerPush * 8.0);
                say(String.format("latency at %d %% of peak: %.1f pushes/s for %d s", percent, pushesPerSecond, latencySeconds));
                PushLoad background = new PushLoad(http, gatewayPush, node::token, bodies, messagesPerPush, Duration.ofSeconds(2), false);
                ExecutorService ex = Executors.newSingleThreadExecutor();
                Future<PushLoad> running = ex.submit(() -> background.run(connections, pushesPerSecond, Duration.ofSeconds(latencySeconds)));
                Thread.sleep(3000);
                List<Long> samples = new ArrayList<>();
                int missed = 0;
                int pushedBack = 0;
                List<Integer> refused = new ArrayList<>();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(latencySeconds - 5);
                while (System.nanoTime() < until && nextProbe < probes.size()) {
                    LatencyProbe.Outcome o = probe.probe(probes.get(nextProbe++), Duration.ofSeconds(30));
                    pushedBack += o.pushedBack();
                    if (o.refusedStatus() != 0) {
                        refused.add(o.refusedStatus());
                    } else if (o.millis() < 0) {
                        missed++;
                    } else {
                        samples.add(o.millis());
                    }
                    Thread.sleep(500);
                }
                running.get();
                ex.shutdown();
                Collections.sort(samples);
                Map<String, Object> level = new LinkedHashMap<>();
                level.put("percentOfPeak", percent);
                level.put("offeredPointsPerSecond", Math.round(percent / 100.0 * peakPoints));
                level.put("achievedPointsPerSecond", Math.round(background.acceptedPoints.get() / background.seconds()));
                level.put("probes", samples.size());
                level.put("missed", missed);
                level.put("probePushesPushedBack", pushedBack);
                level.put("probePushesRefused", refused);
                level.put("p50ms", pct(samples, 0.50));
                level.put("p95ms", pct(samples, 0.95));
                level.put("p99ms", pct(samples, 0.99));
                level.put("pushP50ms", background.percentileMillis(0.5));
                level.put("pushP99ms", background.percentileMillis(0.99));
                latency.add(level);
                result.put("latency", latency);
                partial();
                say("  " + level);
            }
            probe.close();
            result.put("latency", latency);

            if (overload) {
                result.put("overload", overload(http, gatewayPush, node, load, run, stack, broker));
            }
            phase = "end";
            sampler.shutdownNow();
            result.put("machineAfter", Machine.describe());
            result.put("loadAverageDuringRun", Map.of("min", loads.stream().mapToDouble(d -> d).min().orElse(-1),
                    "max", loads.stream().mapToDouble(d -> d).max().orElse(-1),
                    "mean", round1(loads.stream().mapToDouble(d -> d).average().orElse(-1))));
            result.put("lagSeries", lagSeries);
        }
        Path json = outDir.resolve("scale-result-" + label + ".json");
        Files.writeString(json, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Charts.write(result, outDir, label);
        System.out.println(Report.table(result));
        say("wrote " + json + " and the charts in " + outDir);
        return 0;
    }

    private Map<String, Object> throughput(String name, HttpClient http, String url, TokenSource node, Bodies bodies,
                                           Broker broker) throws Exception {
        phase = name;
        say(name + ": " + connections + " connections, " + messagesPerPush + " messages a push, " + seconds + " s");
        PushLoad push = new PushLoad(http, url, node::token, bodies, messagesPerPush, Duration.ofSeconds(2), false);
        Map<String, Long> rss = new HashMap<>();
        ScheduledExecutorService peak = Executors.newSingleThreadScheduledExecutor();
        peak.schedule(() -> rss.putAll(Machine.residentMiB(stackRef)), seconds / 2, TimeUnit.SECONDS);
        if (jfr && name.equals("ingest-gateway")) {
            for (String service : List.of("ingest-service", "gateway")) {
                Path file = (out != null ? out : home.resolve("bench/scale/target")).toAbsolutePath().resolve(label + "-" + service + ".jfr");
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(stackRef.processes().get(service).pid()), "JFR.start", "name=scale", "settings=profile",
                        "duration=" + seconds + "s", "filename=" + file).inheritIO().start().waitFor();
            }
        }
        push.run(connections, 0, Duration.ofSeconds(seconds));
        peak.shutdown();
        double pushSeconds = push.seconds();
        phase = name + "-drain";
        double drain = broker.drainSeconds(Broker.SINK_GROUP, Duration.ofSeconds(600));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seconds", round1(pushSeconds));
        r.put("pushes", push.statuses.values().stream().mapToLong(java.util.concurrent.atomic.AtomicLong::get).sum());
        r.put("statuses", new java.util.TreeMap<>(push.statuses));
        r.put("messagesPerSecond", round1(push.acceptedMessages.get() / pushSeconds));
        r.put("pointsPerSecond", round1(push.acceptedPoints.get() / pushSeconds));
        r.put("pushP50ms", push.percentileMillis(0.5));
        r.put("pushP99ms", push.percentileMillis(0.99));
        r.put("sinkDrainSecondsAfterPush", round1(drain));
        r.put("sinkRowsPerSecond", drain < 0 ? -1 : Math.round(push.acceptedPoints.get() / (pushSeconds + drain)));
        r.put("loadAverage", Machine.loadAverage());
        r.put("residentMiB", rss);
        result.put(name, r);
        partial();
        say("  " + r);
        return r;
    }

    private Stack stackRef;

    private Map<String, Object> overload(HttpClient http, String url, TokenSource node, List<SimulatedEnterprise> load,
                                         String run, Stack stack, Broker broker) throws Exception {
        phase = "overload";
        String prefix = "o" + run;
        // 6 h back: older than every collect time of the earlier phases, well inside the 24 h a NORMAL message may be old
        Bodies bodies = new Bodies(load, prefix, Instant.now().minusSeconds(6 * 3600), 0);
        int threads = connections * 10;
        say("overload: " + threads + " connections unpaced through the gateway for " + overloadSeconds + " s");
        long ingestPid = stack.processes().get("ingest-service").pid();
        long gatewayPid = stack.processes().get("gateway").pid();
        List<Map<String, Object>> heap = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> heap.add(Map.of("t", round1((System.nanoTime() - t0) / 1e9),
                "ingestHeapMiB", Machine.heapUsedMiB(ingestPid), "gatewayHeapMiB", Machine.heapUsedMiB(gatewayPid))), 0, 3, TimeUnit.SECONDS);
        PushLoad push = new PushLoad(http, url, node::token, bodies, messagesPerPush, Duration.ofSeconds(2), true);
        push.run(threads, 0, Duration.ofSeconds(overloadSeconds));
        sampler.shutdownNow();
        // recovery: a normal push answered 2xx right after, without a restart
        long r0 = System.nanoTime();
        PushLoad after = new PushLoad(http, url, node::token, bodies, messagesPerPush, Duration.ofSeconds(2), true);
        after.run(1, 0, Duration.ofSeconds(3));
        double recovered = after.percentileMillis(0.5) / 1000.0;
        phase = "overload-drain";
        double drain = broker.drainSeconds(Broker.SINK_GROUP, Duration.ofSeconds(600));
        java.util.Set<String> acked = new java.util.HashSet<>(push.acknowledged);
        acked.addAll(after.acknowledged);
        Map<String, Integer> receipts = new HashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        var db = stack.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            count(c, "SELECT msg_id, count(*) FROM ingest.receipt WHERE msg_id LIKE ? GROUP BY msg_id", prefix, receipts);
            count(c, "SELECT event_id, count(*) FROM ingest.reading WHERE event_id LIKE ? GROUP BY event_id", prefix, rows);
        }
        long missingReceipt = acked.stream().filter(id -> !receipts.containsKey(id)).count();
        long missingRows = acked.stream().filter(id -> rows.getOrDefault(id, 0) < 8).count();
        long duplicated = rows.values().stream().filter(n -> n > 8).count() + receipts.values().stream().filter(n -> n > 1).count();
        long notAcked = receipts.keySet().stream().filter(id -> !acked.contains(id)).count();
        long bad = push.statuses.entrySet().stream().filter(e -> !(e.getKey() / 100 == 2 || e.getKey() == 429 || e.getKey() == 503
                        || e.getKey() == 422))
                .mapToLong(e -> e.getValue().get()).sum();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("connections", threads);
        r.put("seconds", round1(push.seconds()));
        r.put("statuses", new java.util.TreeMap<>(push.statuses));
        r.put("otherStatuses", bad);
        r.put("pushBackWithoutRetryAfter", push.withoutRetryAfter.get());
        r.put("transportErrors", push.transportErrors.get());
        r.put("acceptedPointsPerSecond", Math.round(push.acceptedPoints.get() / push.seconds()));
        r.put("pushP50ms", push.percentileMillis(0.5));
        r.put("pushP99ms", push.percentileMillis(0.99));
        r.put("acknowledgedMessages", acked.size());
        r.put("rejectedMessages", push.rejected.size());
        r.put("neverAcknowledged", push.unacknowledged.size());
        r.put("acknowledgedWithoutReceipt", missingReceipt);
        r.put("acknowledgedWithoutAllReadings", missingRows);
        r.put("storedMoreThanOnce", duplicated);
        r.put("receiptsNotAcknowledged", notAcked);
        r.put("recoveryPushP50Seconds", recovered);
        r.put("sinkDrainSeconds", round1(drain));
        r.put("heap", heap);
        say("  overload " + r.entrySet().stream().filter(e -> !e.getKey().equals("heap")).toList());
        return r;
    }

    private static void count(Connection c, String sql, String prefix, Map<String, Integer> into) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, prefix + "-%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    into.put(r.getString(1), r.getInt(2));
                }
            }
        }
    }

    private void register(HttpClient http, String ingest, TokenSource node, List<SimulatedEnterprise> list) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (SimulatedEnterprise e : list) {
            done.add(pool.submit(() -> {
                String body = Json.MAPPER.writeValueAsString(Messages.profile(e));
                for (int attempt = 0; ; attempt++) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/registry/enterprises/" + e.uscc()))
                            .header("Authorization", "Bearer " + node.token()).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return null;
                    }
                    if (attempt > 30) {
                        throw new IllegalStateException("registering " + e.uscc() + ": " + r.statusCode() + " " + r.body());
                    }
                    Thread.sleep(1000);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * p) - 1)));
    }

    static double round1(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
