package dustwatch.deploy.stack;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polling until something is ready. */
final class Wait {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Wait() {
    }

    /**
     * Polls {@code ready} every 250 ms.
     *
     * @throws IllegalStateException when {@code timeout} passes, or {@code child} dies first (with its log tail)
     */
    static void until(String what, Duration timeout, ChildProcess child, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (child != null && !child.isAlive()) {
                throw new IllegalStateException(what + " exited before it was ready. Log " + child.log() + ":\n" + child.tail(30));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " not ready within " + timeout
                        + (child == null ? "" : ". Log " + child.log() + ":\n" + child.tail(30)));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    /** True when {@code url} answers 200. */
    static boolean http200(String url) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** True when something listens on localhost:{@code port}. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
