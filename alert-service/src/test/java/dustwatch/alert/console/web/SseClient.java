package dustwatch.alert.console.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real HTTP server-sent-events client: streams the response lines on its own thread and parses them into events. */
final class SseClient implements AutoCloseable {
    /** One parsed event; {@code name} is "message" when the server named none. */
    record Event(String name, String id, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread.ofVirtual().name("sse-client").start(this::read);
    }

    /** Opens the stream with a bearer token; fails unless the server answers 200 text/event-stream. */
    static SseClient open(HttpClient http, URI uri, String token) throws Exception {
        return open(http, uri, token, null);
    }

    /** Opens the stream with a bearer token and, unless null, {@code Last-Event-ID} (as a reconnecting EventSource does). */
    static SseClient open(HttpClient http, URI uri, String token, String lastEventId) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200
                || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            response.body().close();
            throw new AssertionError("stream not opened: " + response.statusCode() + " " + response.headers().map());
        }
        return new SseClient(response);
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                }
                // lines starting with ':' are comments (keep-alive)
            }
        } catch (RuntimeException closed) {
            // the stream was closed by close() or by the server
        } finally {
            ended.countDown();
        }
    }

    /** True when the stream ended (by the server or by close()) within {@code timeout}. */
    boolean ended(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event of any name but the keep-alive {@code ping} within {@code timeout}; null when none came. */
    Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null || !event.name().equals("ping")) {
                return event;
            }
        }
    }

    /** The next event of the given name within {@code timeout}, skipping others; null when none came. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null || event.name().equals(name)) {
                return event;
            }
        }
    }

    /** The next {@code warning} event that is not a replay (other tests' warnings may be replayed on connect). */
    Event nextLive(Duration timeout) throws InterruptedException {
        return nextWarning(timeout, false);
    }

    /** The next {@code warning} event whose {@code replay} flag is as given, within {@code timeout}; null when none came. */
    Event nextWarning(Duration timeout, boolean replay) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next("warning", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (event == null || event.data().contains("\"replay\":" + replay)) {
                return event;
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
