package dustwatch.deploy.simulator;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.stack.Ports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The national mode of the simulator ({@code deploy/simulate-national.sh}): a generated registry of
 * {@code --enterprises} (43,000 by default, {@link GeneratedRegistry}) registered through the gateway, then each
 * enterprise's REALTIME message (8 points) every {@code --interval-seconds}, spread evenly, pushed in batches over
 * {@code --connections}. Rate control: the schedule is the rate ({@code enterprises / interval} messages a second,
 * scaled by {@code --rate-factor}). Push-back is honoured, never dropped: a push answered 429 or 503 is sent again,
 * same body, after its {@code Retry-After}; while the platform pushes back, due messages queue (bounded; when the
 * queue is full the schedule waits, so the simulator falls behind instead of losing data). A live progress line
 * each second: sent, accepted, rejected, pushed back (429/503), transport errors, queued, behind schedule.
 */
@Command(name = "simulate-national", mixinStandardHelpOptions = true,
        description = "Pushes a national-scale load (generated registry) through the gateway of a running stack.")
public final class NationalSimulator implements Callable<Integer> {
    @Option(names = "--port-offset", description = "port offset of the running stack (default: ${DEFAULT-VALUE})")
    int portOffset;
    @Option(names = "--gateway", description = "gateway URL (default: from --port-offset)")
    String gateway;
    @Option(names = "--token-endpoint", description = "Keycloak token endpoint (default: from --port-offset)")
    String tokenEndpoint;
    @Option(names = "--enterprises", description = "enterprises in the generated registry (default: ${DEFAULT-VALUE})")
    int enterprises = 43_000;
    @Option(names = "--interval-seconds", description = "each enterprise sends one REALTIME message this often (default: ${DEFAULT-VALUE})")
    int intervalSeconds = 10;
    @Option(names = "--rate-factor", description = "multiplies the schedule's rate (default: ${DEFAULT-VALUE})")
    double rateFactor = 1.0;
    @Option(names = "--connections", description = "pushing connections (default: ${DEFAULT-VALUE})")
    int connections = 8;
    @Option(names = "--messages-per-push", description = "messages per push (default: ${DEFAULT-VALUE})")
    int messagesPerPush = 50;
    @Option(names = "--duration-seconds", description = "stop after this long; 0 = until interrupted (default: ${DEFAULT-VALUE})")
    int durationSeconds;
    @Option(names = "--skip-registration", description = "the registry is registered already")
    boolean skipRegistration;
    @Option(names = "--client-id", description = "the city node's client (default: ${DEFAULT-VALUE})")
    String clientId = "putian-node";
    @Option(names = "--client-secret", description = "the city node's secret (default: ${DEFAULT-VALUE})")
    String clientSecret = "putian-node-secret";

    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong tooMany = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong behindMillis = new AtomicLong();
    private volatile boolean running = true;

    public static void main(String[] args) {
        System.exit(new CommandLine(new NationalSimulator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Ports ports = Ports.offset(portOffset);
        String gw = gateway != null ? gateway : "http://localhost:" + ports.gateway();
        String te = tokenEndpoint != null ? tokenEndpoint
                : "http://localhost:" + ports.keycloak() + "/realms/dustwatch/protocol/openid-connect/token";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        TokenSource tokens = TokenSource.clientCredentials(http, te, clientId, clientSecret);
        List<SimulatedEnterprise> registry = GeneratedRegistry.generate(enterprises, 'N', GeneratedRegistry.PUTIAN_DISTRICTS);
        if (!skipRegistration) {
            register(http, gw, tokens, registry);
        }
        double perSecond = enterprises * rateFactor / intervalSeconds;
        System.out.printf("simulate-national: %d enterprises, one message (8 points) each every %d s x %.2f = %.0f messages/s, %.0f point-readings/s%n",
                enterprises, intervalSeconds, rateFactor, perSecond, perSecond * 8);
        BlockingQueue<String> due = new ArrayBlockingQueue<>(Math.max(10_000, (int) (perSecond * 30)));
        Thread schedule = Thread.ofPlatform().name("schedule").daemon().start(() -> schedule(registry, perSecond, due));
        List<Thread> pushers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            pushers.add(Thread.ofPlatform().name("push-" + i).daemon().start(() -> pushLoop(http, gw, tokens, due)));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running = false));
        long t0 = System.nanoTime();
        while (running && (durationSeconds <= 0 || System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(durationSeconds))) {
            Thread.sleep(1000);
            System.out.println(progress(due.size(), (System.nanoTime() - t0) / 1e9));
        }
        running = false;
        schedule.interrupt();
        for (Thread t : pushers) {
            t.join(30_000);
        }
        System.out.println(progress(due.size(), (System.nanoTime() - t0) / 1e9) + " (stopped; queued messages were not sent)");
        return 0;
    }

    /** The live progress line. */
    String progress(int queued, double seconds) {
        return String.format("%6.0f s  sent %d  accepted %d  rejected %d  pushed back %d (429: %d, 503: %d)  errors %d  queued %d  behind %.1f s",
                seconds, sent.get(), accepted.get(), rejected.get(), tooMany.get() + unavailable.get(), tooMany.get(),
                unavailable.get(), errors.get(), queued, behindMillis.get() / 1000.0);
    }

    private void schedule(List<SimulatedEnterprise> registry, double perSecond, BlockingQueue<String> due) {
        Messages messages = new Messages(new Random(43));
        long start = System.nanoTime();
        long n = 0;
        Instant origin = Instant.now();
        try {
            while (running) {
                long dueAt = start + (long) (n * 1e9 / perSecond);
                long wait = dueAt - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                behindMillis.set(Math.max(0, (System.nanoTime() - dueAt) / 1_000_000));
                SimulatedEnterprise e = registry.get((int) (n % registry.size()));
                // the enterprise's k-th message is due k intervals after its first: its own collect time, never repeated
                long round = n / registry.size();
                Instant collect = origin.plusMillis((long) ((n % registry.size()) * 1000.0 / perSecond) + round * intervalSeconds * 1000L);
                Map<String, Object> m = messages.realtime(e, collect, false);
                m.put("msgId", "nat-" + e.uscc() + "-" + collect.getEpochSecond());
                due.put(Json.MAPPER.writeValueAsString(m)); // blocks when full: fall behind, never drop
                n++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pushLoop(HttpClient http, String gw, TokenSource tokens, BlockingQueue<String> due) {
        List<String> batch = new ArrayList<>(messagesPerPush);
        while (running) {
            batch.clear();
            try {
                String first = due.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            due.drainTo(batch, messagesPerPush - 1);
            String body = "{\"messages\":[" + String.join(",", batch) + "]}";
            pushUntilAnswered(http, gw, tokens, body, batch.size());
        }
    }

    /** Sends {@code body} until it is answered 2xx or 422 (kept, or refused for good), honouring Retry-After. */
    private void pushUntilAnswered(HttpClient http, String gw, TokenSource tokens, String body, int count) {
        while (true) {
            long retryAfterMillis = 1000;
            try {
                sent.addAndGet(count);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gw + "/api/v1/ingest/messages"))
                        .header("Authorization", "Bearer " + tokens.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = r.statusCode();
                if (status / 100 == 2) {
                    accepted.addAndGet(count);
                    return;
                }
                if (status == 422) {
                    JsonNode answer = Json.MAPPER.readTree(r.body());
                    int refused = answer.path("rejected").size();
                    rejected.addAndGet(refused);
                    accepted.addAndGet(count - refused);
                    return;
                }
                if (status == 429) {
                    tooMany.incrementAndGet();
                } else if (status == 503) {
                    unavailable.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                retryAfterMillis = retryAfterMillis(r.headers().firstValue("Retry-After").orElse(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                errors.incrementAndGet();
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(retryAfterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Retry-After in delay-seconds, else 1 s. */
    static long retryAfterMillis(String header) {
        if (header == null) {
            return 1000;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim())) * 1000;
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    private void register(HttpClient http, String gw, TokenSource tokens, List<SimulatedEnterprise> registry) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicLong done = new AtomicLong();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (SimulatedEnterprise e : registry) {
            futures.add(pool.submit(() -> {
                String body = Json.MAPPER.writeValueAsString(Messages.profile(e));
                while (true) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gw + "/api/v1/registry/enterprises/" + e.uscc()))
                            .header("Authorization", "Bearer " + tokens.token()).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        long n = done.incrementAndGet();
                        if (n % 1000 == 0) {
                            System.out.printf("simulate-national: registered %d of %d (%.0f s)%n", n, registry.size(), (System.nanoTime() - t0) / 1e9);
                        }
                        return null;
                    }
                    if (r.statusCode() != 429 && r.statusCode() != 503) {
                        throw new IllegalStateException("registering " + e.uscc() + " answered " + r.statusCode() + ": " + r.body());
                    }
                    Thread.sleep(retryAfterMillis(r.headers().firstValue("Retry-After").orElse(null)));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }
}
