package dustwatch.chaos;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A city node that resends: each thread pushes {@code messagesPerPush} new REALTIME messages every
 * {@code period} (none when {@code period} is zero: as fast as answered) and, when a push is not answered 2xx
 * (503, 429, a timeout, a refused connection), sends the same body again after {@code min(Retry-After, 2 s)}
 * until it is acknowledged or the drain deadline passes. Every msgId is counted: acknowledged (202, or 422 minus
 * its rejected ones), rejected, or never acknowledged. Message ids are {@code <prefix>-t<thread>-<n>}; each
 * message of an enterprise has its own collect time (one second apart, backwards from the start), so no two
 * messages share a reading key.
 */
public final class ResendingClient {
    private static final Map<String, AtomicLong> SECONDS_BACK = new ConcurrentHashMap<>();

    private final String pushUrl;
    private final TokenSource tokens;
    private final HttpClient http;
    private final List<SimulatedEnterprise> enterprises;
    private final String prefix;
    private final int messagesPerPush;
    private final Duration period;
    private final Instant origin;
    private volatile boolean producing = true;
    private volatile long drainDeadline = Long.MAX_VALUE;

    /** msgIds acknowledged by a 2xx/422 answer. */
    public final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** msgIds rejected in a 422 (must stay 0: the client sends valid messages only). */
    public final Set<String> rejected = ConcurrentHashMap.newKeySet();
    /** msgIds sent but never acknowledged before the drain deadline. */
    public final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
    public final AtomicInteger pushes = new AtomicInteger();
    public final AtomicInteger ok = new AtomicInteger();
    public final AtomicInteger unavailable = new AtomicInteger();
    public final AtomicInteger tooMany = new AtomicInteger();
    public final AtomicInteger failed = new AtomicInteger();
    /** Latency of every answered push, ms. */
    public final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    /** Nano times of 2xx answers, to find the longest gap. */
    public final List<Long> successes = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();

    public ResendingClient(String gatewayUrl, TokenSource tokens, HttpClient http, List<SimulatedEnterprise> enterprises,
                           String prefix, int messagesPerPush, Duration period, Instant origin) {
        this.pushUrl = gatewayUrl + "/api/v1/ingest/messages";
        this.tokens = tokens;
        this.http = http;
        this.enterprises = enterprises;
        this.prefix = prefix;
        this.messagesPerPush = messagesPerPush;
        this.period = period;
        this.origin = origin;
    }

    /** Starts {@code count} more pushing threads. */
    public void start(int count) {
        for (int i = 0; i < count; i++) {
            int index = threads.size();
            Thread t = Thread.ofPlatform().name(prefix + "-t" + index).daemon().start(() -> run(index));
            threads.add(t);
        }
    }

    /** No new pushes; a push being resent goes on until acknowledged or {@code drain} passes. Waits for the threads. */
    public void stop(Duration drain) throws InterruptedException {
        producing = false;
        drainDeadline = System.nanoTime() + drain.toNanos();
        for (Thread t : threads) {
            t.join(drain.toMillis() + 60_000);
        }
    }

    private void run(int index) {
        Random random = new Random(prefix.hashCode() * 31L + index);
        Messages messages = new Messages(random);
        long n = 0;
        long next = System.nanoTime();
        while (producing) {
            List<String> ids = new ArrayList<>(messagesPerPush);
            List<Map<String, Object>> batch = new ArrayList<>(messagesPerPush);
            for (int i = 0; i < messagesPerPush; i++) {
                SimulatedEnterprise e = enterprises.get(random.nextInt(enterprises.size()));
                long back = SECONDS_BACK.computeIfAbsent(e.uscc(), u -> new AtomicLong(60)).getAndIncrement();
                Map<String, Object> message = messages.realtime(e, origin.minusSeconds(back), false);
                String id = prefix + "-t" + index + "-" + n++;
                message.put("msgId", id);
                message.put("sendTime", Messages.WIRE_TIME.format(Instant.now()));
                ids.add(id);
                batch.add(message);
            }
            String body = Json.MAPPER.writeValueAsString(Map.of("messages", batch));
            pushUntilAcknowledged(body, ids);
            if (!period.isZero()) {
                next += period.toNanos();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    sleep(wait / 1_000_000);
                } else {
                    next = System.nanoTime();
                }
            }
        }
    }

    private void pushUntilAcknowledged(String body, List<String> ids) {
        while (true) {
            pushes.incrementAndGet();
            long t0 = System.nanoTime();
            long retryAfterMs = 1000;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(pushUrl))
                                .header("Authorization", "Bearer " + tokens.token()).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                latencies.add((System.nanoTime() - t0) / 1_000_000);
                int status = r.statusCode();
                if (status / 100 == 2) {
                    ok.incrementAndGet();
                    successes.add(System.nanoTime());
                    acknowledged.addAll(ids);
                    return;
                }
                if (status == 422) {
                    JsonNode answer = Json.MAPPER.readTree(r.body());
                    Set<String> bad = new HashSet<>();
                    answer.path("rejected").forEach(j -> bad.add(j.path("msgId").asString()));
                    ids.stream().filter(bad::contains).forEach(rejected::add);
                    ids.stream().filter(id -> !bad.contains(id)).forEach(acknowledged::add);
                    successes.add(System.nanoTime());
                    return;
                }
                if (status == 503) {
                    unavailable.incrementAndGet();
                } else if (status == 429) {
                    tooMany.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                retryAfterMs = r.headers().firstValue("Retry-After").map(s -> Long.parseLong(s.trim()) * 1000).orElse(1000L);
            } catch (Exception e) {
                failed.incrementAndGet();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    unacknowledged.addAll(ids);
                    return;
                }
            }
            if (!producing && System.nanoTime() > drainDeadline) {
                unacknowledged.addAll(ids);
                return;
            }
            // the node honours Retry-After, shortened to 2 s so that a run stays short
            sleep(Math.min(retryAfterMs, 2000));
        }
    }

    /** The longest time between two 2xx answers (or from {@code from} to the first), seconds. */
    public double longestGapSeconds(long from) {
        List<Long> times;
        synchronized (successes) {
            times = new ArrayList<>(successes);
        }
        Collections.sort(times);
        long last = from;
        long longest = 0;
        for (long t : times) {
            longest = Math.max(longest, t - last);
            last = t;
        }
        return longest / 1e9;
    }

    /** The 99th percentile push latency, ms. */
    public long p99() {
        List<Long> l;
        synchronized (latencies) {
            l = new ArrayList<>(latencies);
        }
        if (l.isEmpty()) {
            return 0;
        }
        Collections.sort(l);
        return l.get(Math.min(l.size() - 1, (int) Math.ceil(l.size() * 0.99) - 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
