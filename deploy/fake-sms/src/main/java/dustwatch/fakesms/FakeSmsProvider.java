package dustwatch.fakesms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake SMS provider (短信网关): an HTTP server on loopback that records every message it receives and answers
 * {@code 200 {"messageId": …}}, or the status it was told to answer.
 * <ul>
 *   <li>{@code POST /sms} — body as sent by alert-service's SMS adapter (JSON); recorded, answered 200 with a
 *       message id, or the failure status (then recorded as refused)</li>
 *   <li>{@code GET /received} — the accepted messages, one JSON body per line</li>
 *   <li>{@code POST /control/fail?status=500} — answer that status from now on; {@code POST /control/ok} — accept again</li>
 * </ul>
 * Run: {@code java -cp fake-sms.jar dustwatch.fakesms.FakeSmsProvider <port>}.
 */
public final class FakeSmsProvider implements AutoCloseable {
    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int failStatus;

    private FakeSmsProvider(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/sms", this::sms);
        server.createContext("/received", exchange -> answer(exchange, 200, String.join("\n", received)));
        server.createContext("/control/fail", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            failStatus = query != null && query.startsWith("status=") ? Integer.parseInt(query.substring(7)) : 500;
            answer(exchange, 200, "failing with " + failStatus);
        });
        server.createContext("/control/ok", exchange -> {
            failStatus = 0;
            answer(exchange, 200, "accepting");
        });
        server.start();
    }

    /** Starts the provider on {@code port} (0: any free port). */
    public static FakeSmsProvider start(int port) throws IOException {
        return new FakeSmsProvider(port);
    }

    public static void main(String[] args) throws IOException {
        FakeSmsProvider provider = start(args.length > 0 ? Integer.parseInt(args[0]) : 8089);
        System.out.println("fake SMS provider on http://127.0.0.1:" + provider.port() + "/sms");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL alert-service posts to. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/sms";
    }

    /** Bodies of the accepted messages, in arrival order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Requests answered with the failure status. */
    public int refused() {
        return refused.get();
    }

    /** From now on answer {@code status} (e.g. 500) to every message; 0 accepts again. */
    public void failWith(int status) {
        failStatus = status;
    }

    private void sms(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = failStatus;
        if (status != 0) {
            refused.incrementAndGet();
            answer(exchange, status, "{\"error\":\"told to fail\"}");
            return;
        }
        received.add(body);
        answer(exchange, 200, "{\"messageId\":\"" + UUID.randomUUID() + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
