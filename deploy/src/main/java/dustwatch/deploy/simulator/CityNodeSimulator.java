package dustwatch.deploy.simulator;

import dustwatch.contracts.topic.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Pushes, as the Putian city aggregation node, a realistic stream for Licheng's enterprises through the
 * gateway: each enterprise's mandatory signals every 10–60 s (its own cadence), a heartbeat every 60 s, and a
 * hopper-temperature (or wet tank-level) excursion: the first at the first push, in a Huangshi wood plant,
 * then one every {@code excursionEvery} in the next enterprise, each lasting {@code excursionLength} with
 * pushes every 10 s. Messages the gateway did not accept (network error, 429, 5xx) stay queued and are sent
 * again with the same msgId — a store-and-forward buffer, as gateways keep (§1.3).
 */
public final class CityNodeSimulator implements AutoCloseable {
    private static final int BUFFER_LIMIT = 20_000;

    private final List<SimulatedEnterprise> enterprises;
    private final String gateway;
    private final TokenSource tokens;
    private final HttpClient http;
    private final Messages messages = new Messages(new Random(2260));
    private final Duration excursionEvery;
    private final Duration excursionLength;
    private final Consumer<String> log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "city-node-simulator");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Map<String, Object>> buffer = new ArrayDeque<>();
    private final Map<String, Instant> nextReading = new HashMap<>();
    private final Map<String, Instant> nextHeartbeat = new HashMap<>();
    private final boolean[] registered;
    private Instant excursionStart;
    private int excursionIndex;
    private int excursionCount;

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong retried = new AtomicLong();

    public CityNodeSimulator(List<SimulatedEnterprise> enterprises, String gatewayUrl, TokenSource tokens, HttpClient http,
                             Duration excursionEvery, Duration excursionLength, Consumer<String> log) {
        this.enterprises = List.copyOf(enterprises);
        this.gateway = gatewayUrl;
        this.tokens = tokens;
        this.http = http;
        this.excursionEvery = excursionEvery;
        this.excursionLength = excursionLength;
        this.log = log;
        this.registered = new boolean[enterprises.size()];
        this.excursionIndex = firstExcursion(enterprises);
    }

    /** Starts pushing: a tick every second. */
    public void start() {
        timer.scheduleWithFixedDelay(this::tickSafely, 0, 1, TimeUnit.SECONDS);
    }

    /** Messages accepted (202, or acknowledged duplicates) so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Messages the platform refused with a reason (422) so far. */
    public long rejected() {
        return rejected.get();
    }

    private void tickSafely() {
        try {
            tick(Instant.now());
        } catch (RuntimeException e) {
            log.accept("simulator: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }

    void tick(Instant now) {
        registerMissing();
        if (excursionStart == null || now.isAfter(excursionStart.plus(excursionEvery))) {
            if (excursionStart != null) {
                excursionIndex = (excursionIndex + 7) % enterprises.size();
            }
            excursionStart = now;
            excursionCount++;
            SimulatedEnterprise e = enterprises.get(excursionIndex);
            log.accept("simulator: excursion #" + excursionCount + " at " + e.name() + " (" + e.townName() + ")");
        }
        for (int i = 0; i < enterprises.size(); i++) {
            if (!registered[i]) {
                continue;
            }
            SimulatedEnterprise e = enterprises.get(i);
            boolean excursion = i == excursionIndex && now.isBefore(excursionStart.plus(excursionLength));
            Duration cadence = excursion ? Duration.ofSeconds(10) : Duration.ofSeconds(10 + (i * 7L) % 51);
            if (!now.isBefore(nextReading.getOrDefault(e.uscc(), Instant.EPOCH))) {
                buffer.addLast(messages.realtime(e, now, excursion));
                nextReading.put(e.uscc(), now.plus(cadence));
            }
            if (!now.isBefore(nextHeartbeat.getOrDefault(e.uscc(), Instant.EPOCH))) {
                buffer.addLast(messages.heartbeat(e, now));
                nextHeartbeat.put(e.uscc(), now.plusSeconds(60));
            }
        }
        while (buffer.size() > BUFFER_LIMIT) {
            buffer.removeFirst();
        }
        flush();
    }

    private void registerMissing() {
        for (int i = 0; i < enterprises.size(); i++) {
            if (registered[i]) {
                continue;
            }
            SimulatedEnterprise e = enterprises.get(i);
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/registry/enterprises/" + e.uscc()))
                        .PUT(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Messages.profile(e)))));
                registered[i] = response.statusCode() == 200;
                if (!registered[i]) {
                    log.accept("simulator: registering " + e.uscc() + " answered " + response.statusCode() + " " + response.body());
                    return;
                }
            } catch (Exception ex) {
                log.accept("simulator: registry not reachable yet (" + (ex.getMessage() != null ? ex.getMessage()
                        : ex.getClass().getSimpleName()) + ")");
                return;
            }
        }
    }

    private void flush() {
        while (!buffer.isEmpty()) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (var it = buffer.iterator(); it.hasNext() && batch.size() < 200; ) {
                batch.add(it.next());
            }
            int status;
            String body;
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/ingest/messages"))
                        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("messages", batch)))));
                status = response.statusCode();
                body = response.body();
            } catch (Exception e) {
                retried.addAndGet(batch.size());
                return;
            }
            if (status == 202 || status == 422) {
                for (int i = 0; i < batch.size(); i++) {
                    buffer.removeFirst();
                }
                if (status == 422) {
                    int refused = Json.MAPPER.readTree(body).path("rejected").size();
                    rejected.addAndGet(refused);
                    accepted.addAndGet(batch.size() - refused);
                    log.accept("simulator: " + refused + " message(s) rejected: " + body);
                } else {
                    accepted.addAndGet(batch.size());
                }
            } else {
                retried.addAndGet(batch.size());
                if (status != 429 && status != 503) {
                    log.accept("simulator: push answered " + status + " " + body);
                }
                return;
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws java.io.IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + tokens.token())
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first excursion: a Huangshi (350304101) dry-collector plant, so the demo's town split shows at once. */
    private static int firstExcursion(List<SimulatedEnterprise> enterprises) {
        for (int i = 0; i < enterprises.size(); i++) {
            SimulatedEnterprise e = enterprises.get(i);
            if (e.regionCode().equals("350304101") && e.collectors().stream().anyMatch(c -> c.type().isDry())) {
                return i;
            }
        }
        return 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
