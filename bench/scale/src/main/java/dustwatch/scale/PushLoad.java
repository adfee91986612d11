package dustwatch.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Threads pushing {@link Bodies} to one URL, paced ({@code pushesPerSecond} > 0, shared by all threads) or as fast
 * as answered. A push answered 429 or 503 is sent again, same body, after its Retry-After (capped at
 * {@code maxRetryAfter} so that a run stays short) — a node that honours push-back and drops nothing; any other
 * non-2xx answer is counted and also resent. Counts every status, whether 429/503 carried Retry-After, the
 * point-readings acknowledged and every push's latency.
 */
final class PushLoad {
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    final AtomicLong withoutRetryAfter = new AtomicLong();
    final AtomicLong transportErrors = new AtomicLong();
    final AtomicLong acceptedPoints = new AtomicLong();
    final AtomicLong acceptedMessages = new AtomicLong();
    final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    final Set<String> acknowledged;
    final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
    /** msgIds refused in a 422 (the bench sends valid messages only: must stay empty). */
    final Set<String> rejected = ConcurrentHashMap.newKeySet();

    private final HttpClient http;
    private final URI url;
    private final Supplier<String> token;
    private final Bodies bodies;
    private final int messagesPerPush;
    private final Duration maxRetryAfter;
    private volatile boolean producing = true;
    private volatile long giveUpAt = Long.MAX_VALUE;
    private final List<Thread> threads = new ArrayList<>();
    private long startNanos;
    private long endNanos;

    PushLoad(HttpClient http, String url, Supplier<String> token, Bodies bodies, int messagesPerPush,
             Duration maxRetryAfter, boolean keepIds) {
        this.http = http;
        this.url = URI.create(url);
        this.token = token;
        this.bodies = bodies;
        this.messagesPerPush = messagesPerPush;
        this.maxRetryAfter = maxRetryAfter;
        this.acknowledged = keepIds ? ConcurrentHashMap.newKeySet() : null;
    }

    /** Runs {@code threads} threads for {@code duration}, then lets pending resends finish (up to 120 s). */
    PushLoad run(int threadCount, double pushesPerSecond, Duration duration) throws InterruptedException {
        startNanos = System.nanoTime();
        long periodNanos = pushesPerSecond > 0 ? (long) (threadCount * 1e9 / pushesPerSecond) : 0;
        for (int i = 0; i < threadCount; i++) {
            long offset = periodNanos * i / threadCount;
            threads.add(Thread.ofPlatform().name("push-" + i).daemon().start(() -> loop(periodNanos, offset)));
        }
        Thread.sleep(duration.toMillis());
        producing = false;
        endNanos = System.nanoTime();
        giveUpAt = System.nanoTime() + 120_000_000_000L;
        for (Thread t : threads) {
            t.join(180_000);
        }
        return this;
    }

    /** Seconds the load was produced. */
    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    long status(int code) {
        AtomicLong n = statuses.get(code);
        return n == null ? 0 : n.get();
    }

    long percentileMillis(double p) {
        List<Long> l;
        synchronized (latenciesMicros) {
            l = new ArrayList<>(latenciesMicros);
        }
        if (l.isEmpty()) {
            return 0;
        }
        Collections.sort(l);
        return l.get(Math.min(l.size() - 1, Math.max(0, (int) Math.ceil(l.size() * p) - 1))) / 1000;
    }

    private void loop(long periodNanos, long offset) {
        long next = System.nanoTime() + offset;
        while (producing) {
            if (periodNanos > 0) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
                next += periodNanos;
                if (next < System.nanoTime() - periodNanos) {
                    next = System.nanoTime(); // behind: do not burst to catch up
                }
                if (!producing) {
                    return;
                }
            }
            push(bodies.next(messagesPerPush));
        }
    }

    private void push(Bodies.Body body) {
        while (true) {
            long t0 = System.nanoTime();
            long retryAfterMillis = 1000;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url)
                                .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.json(), StandardCharsets.UTF_8))
                                .timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                latenciesMicros.add((System.nanoTime() - t0) / 1000);
                int status = r.statusCode();
                statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                if (status / 100 == 2) {
                    acceptedPoints.addAndGet(body.points());
                    acceptedMessages.addAndGet(body.msgIds().size());
                    if (acknowledged != null) {
                        acknowledged.addAll(body.msgIds());
                    }
                    return;
                }
                if (status == 422) {
                    // kept except the refused ones: acknowledged, never resent (a resend would be a duplicate)
                    Set<String> bad = new java.util.HashSet<>();
                    dustwatch.contracts.topic.Json.MAPPER.readTree(r.body()).path("rejected")
                            .forEach(j -> bad.add(j.path("msgId").asString()));
                    rejected.addAll(bad);
                    for (String id : body.msgIds()) {
                        if (!bad.contains(id) && acknowledged != null) {
                            acknowledged.add(id);
                        }
                    }
                    acceptedMessages.addAndGet(body.msgIds().size() - bad.size());
                    acceptedPoints.addAndGet((long) body.points() * (body.msgIds().size() - bad.size()) / body.msgIds().size());
                    return;
                }
                var retryAfter = r.headers().firstValue("Retry-After");
                if ((status == 429 || status == 503) && retryAfter.isEmpty()) {
                    withoutRetryAfter.incrementAndGet();
                }
                if (retryAfter.isPresent()) {
                    try {
                        retryAfterMillis = Long.parseLong(retryAfter.get().trim()) * 1000;
                    } catch (NumberFormatException e) {
                        retryAfterMillis = 1000;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unacknowledged.addAll(body.msgIds());
                return;
            } catch (Exception e) {
                transportErrors.incrementAndGet();
            }
            if (!producing && System.nanoTime() > giveUpAt) {
                unacknowledged.addAll(body.msgIds());
                return;
            }
            sleepNanos(Math.min(retryAfterMillis, maxRetryAfter.toMillis()) * 1_000_000L);
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
