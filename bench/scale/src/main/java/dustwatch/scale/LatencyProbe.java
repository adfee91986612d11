package dustwatch.scale;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reading → console latency: a console client (the district duty officer's SSE stream through the gateway)
 * listens; each probe registers nothing new but takes a fresh probe enterprise of that district, pushes a
 * hopper-temperature excursion long enough for the 60 s high alarm (10 messages, 10 s apart, ending now) and
 * measures from the first try of the push to the first {@code warning} event naming that enterprise. A push
 * pushed back (429/503 with Retry-After) is resent after the wait, as a city node does; the wait counts.
 */
final class LatencyProbe implements AutoCloseable {
    private final HttpClient http;
    private final String gateway;
    private final TokenSource node;
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Messages messages = new Messages(new Random(99));
    private java.util.concurrent.CompletableFuture<?> stream;

    LatencyProbe(HttpClient http, String gateway, TokenSource node) {
        this.http = http;
        this.gateway = gateway;
        this.node = node;
    }

    void open(String consoleToken) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + consoleToken).header("Accept", "text/event-stream").GET().build();
        stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
            if (line.startsWith("event:") && line.contains("ready")) {
                ready.countDown();
            }
            if (line.startsWith("data:")) {
                long now = System.nanoTime();
                int at = line.indexOf("\"uscc\":\"");
                if (at >= 0) {
                    arrived.putIfAbsent(line.substring(at + 8, at + 26), now);
                }
            }
        }));
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the console stream did not open");
        }
    }

    /**
     * What one probe saw: the latency in ms from the first try of the push to the warning on the console (-1 when
     * none came within the limit), how often the push was pushed back (429/503 with Retry-After, resent as a city
     * node would), and the status of a push refused otherwise (0 when accepted).
     */
    record Outcome(long millis, int pushedBack, int refusedStatus) {
    }

    /** One probe, honouring Retry-After; gives up when {@code max} has passed since the first try. */
    Outcome probe(SimulatedEnterprise enterprise, Duration max) throws Exception {
        Instant end = Instant.now();
        List<Map<String, Object>> excursion = new ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            excursion.add(messages.realtime(enterprise, end.minusSeconds(10L * i), true));
        }
        String body = Json.MAPPER.writeValueAsString(Map.of("messages", excursion));
        long t0 = System.nanoTime();
        long deadline = t0 + max.toNanos();
        int pushedBack = 0;
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/ingest/messages"))
                    .header("Authorization", "Bearer " + node.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
                break;
            }
            var retryAfter = r.headers().firstValue("Retry-After");
            if ((r.statusCode() != 429 && r.statusCode() != 503) || retryAfter.isEmpty()) {
                return new Outcome(-1, pushedBack, r.statusCode());
            }
            pushedBack++;
            long wait = TimeUnit.SECONDS.toNanos(Long.parseLong(retryAfter.get().trim()));
            if (System.nanoTime() + wait >= deadline) {
                return new Outcome(-1, pushedBack, 0);
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        while (System.nanoTime() < deadline) {
            Long at = arrived.get(enterprise.uscc());
            if (at != null) {
                return new Outcome((at - t0) / 1_000_000, pushedBack, 0);
            }
            Thread.sleep(5);
        }
        return new Outcome(-1, pushedBack, 0);
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.cancel(true);
        }
    }
}
