package dustwatch.fanout;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dustwatch.alert.AlertApplication;
import dustwatch.contracts.enterprise.Uscc;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.crypto.spec.SecretKeySpec;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * Fans warnings out to many connected duty consoles and measures, per console, the push latency: from just before
 * the warning is sent to {@code dust.warning} to the moment the console has read its {@code warning} event. Starts an
 * embedded KRaft broker, an embedded PostgreSQL and alert-service in this JVM (its full application context, with
 * the console event log), connects {@code --clients} SSE consoles of 荔城区 (each warning of 黄石镇 reaches them all),
 * then publishes {@code --warnings} YELLOW warnings {@code --interval-ms} apart after a few unmeasured ones.
 *
 * <p>Tokens: HS256 tokens checked by a test decoder defined here, for the benchmark only, so that Keycloak is not
 * part of the measurement (the service's own security chain still checks every token).
 */
@Command(name = "fanout", mixinStandardHelpOptions = true, description = "Console fan-out benchmark (alert-service SSE).")
public final class FanoutBench implements Callable<Integer> {
    private static final String LICHENG = "350304";
    private static final String HUANGSHI = "350304101";
    private static final String HUANGSHI_FURNITURE = "91350304MA2XY1234" + Uscc.checkCharacter("91350304MA2XY1234");
    private static final byte[] SECRET = new SecureRandom().generateSeed(32);

    @Option(names = "--clients", description = "connected consoles (default ${DEFAULT-VALUE})")
    int clients = 1000;
    @Option(names = "--warnings", description = "measured warnings (default ${DEFAULT-VALUE})")
    int warnings = 40;
    @Option(names = "--warm-up", description = "unmeasured warnings first (default ${DEFAULT-VALUE})")
    int warmUp = 5;
    @Option(names = "--interval-ms", description = "pause between warnings (default ${DEFAULT-VALUE})")
    long intervalMs = 250;
    @Option(names = "--out", description = "directory of the JSON result (default ${DEFAULT-VALUE})")
    Path out = Path.of("bench/fanout/target");

    private final Map<String, Integer> measured = new ConcurrentHashMap<>();
    private long[] publishedAt;
    private AtomicLongArray[] received;   // [warning][client] nanoTime received, 0 when not (yet)
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    public static void main(String[] args) {
        System.exit(new CommandLine(new FanoutBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        log("starting an embedded KRaft broker and PostgreSQL");
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.WARNINGS.name(),
                Topics.DISPOSAL_EVENTS.name(), Topics.NOTIFICATIONS.name());
        broker.afterPropertiesSet();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        log("starting alert-service (HS256 test token decoder, benchmark only: Keycloak is not started)");
        ConfigurableApplicationContext service = new SpringApplicationBuilder(AlertApplication.class, BenchTokens.class)
                .logStartupInfo(false)
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--dustwatch.alert.console.max-clients=" + (clients + 16),
                        "--logging.level.root=WARN", "--logging.level.dustwatch=WARN");
        URI stream = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")
                + "/api/v1/alerts/stream");
        publishedAt = new long[warnings];
        received = new AtomicLongArray[warnings];
        for (int w = 0; w < warnings; w++) {
            received[w] = new AtomicLongArray(clients);
        }
        List<HttpClient> https = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            https.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build());
        }
        CountDownLatch synced = new CountDownLatch(clients);
        List<HttpResponse<Stream<String>>> responses = new ArrayList<>();
        long connectStart = System.nanoTime();
        log("connecting " + clients + " consoles");
        for (int c = 0; c < clients; c++) {
            HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token("bench-" + c))
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<Stream<String>> response = null;
            for (int attempt = 1; response == null; attempt++) {
                try {
                    response = https.get((c + attempt) % https.size()).send(request, HttpResponse.BodyHandlers.ofLines());
                } catch (java.net.http.HttpTimeoutException slow) {
                    retries.incrementAndGet();
                    if (attempt == 3) {
                        throw new IllegalStateException("console " + c + " not answered in 3 x 30 s", slow);
                    }
                }
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("console " + c + " refused: " + response.statusCode());
            }
            responses.add(response);
            int client = c;
            HttpResponse<Stream<String>> opened = response;
            Thread.ofVirtual().name("console-" + c).start(() -> read(client, opened, synced));
        }
        if (!synced.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((clients - synced.getCount()) + " of " + clients + " consoles synced in 120 s");
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        log(clients + " consoles connected and synced in " + String.format(Locale.ROOT, "%.1f s", connectSeconds));

        try (KafkaProducer<String, Warning> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), Topics.WARNINGS.keySerde().serializer(), Topics.WARNINGS.valueSerde().serializer())) {
            for (int i = 0; i < warmUp; i++) {
                producer.send(Topics.WARNINGS.record(HUANGSHI_FURNITURE, warning("w-warm-up-" + i))).get();
                Thread.sleep(intervalMs);
            }
            Thread.sleep(1000);
            log("publishing " + warnings + " warnings, " + intervalMs + " ms apart");
            for (int w = 0; w < warnings; w++) {
                String id = "w-bench-" + w;
                measured.put(id, w);
                publishedAt[w] = System.nanoTime();
                producer.send(Topics.WARNINGS.record(HUANGSHI_FURNITURE, warning(id)));
                Thread.sleep(intervalMs);
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (missing() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000); // a late duplicate would show up here

        String json = report(loadBefore, connectSeconds);
        Files.createDirectories(out);
        Files.writeString(out.resolve("fanout-latest.json"), json);
        Files.writeString(out.resolve("fanout-" + Instant.now().toString().replace(':', '-') + ".json"), json);
        log("wrote " + out.resolve("fanout-latest.json"));

        service.close();
        responses.forEach(r -> r.body().close());
        postgres.close();
        broker.destroy();
        return missing() == 0 && duplicates.get() == 0 ? 0 : 1;
    }

    /** Reads one console's stream: counts {@code synced}, stamps each measured {@code warning} on arrival. */
    private void read(int client, HttpResponse<Stream<String>> response, CountDownLatch synced) {
        String event = null;
        try (Stream<String> lines = response.body()) {
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "warning".equals(event)) {
                    long now = System.nanoTime();
                    int at = line.indexOf("\"warningId\":\"");
                    if (at >= 0) {
                        int from = at + 13;
                        Integer w = measured.get(line.substring(from, line.indexOf('"', from)));
                        if (w != null && !received[w].compareAndSet(client, 0, now)) {
                            duplicates.incrementAndGet();
                        }
                    }
                } else if (line.startsWith("data:") && "synced".equals(event)) {
                    synced.countDown();
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (RuntimeException closed) {
            // closed at the end
        }
    }

    private int missing() {
        int missing = 0;
        for (AtomicLongArray perClient : received) {
            for (int c = 0; c < perClient.length(); c++) {
                if (perClient.get(c) == 0) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private String report(double loadBefore, double connectSeconds) {
        List<Long> samples = new ArrayList<>();
        long[] lastConsole = new long[warnings];
        for (int w = 0; w < warnings; w++) {
            for (int c = 0; c < clients; c++) {
                long at = received[w].get(c);
                if (at != 0) {
                    long micros = (at - publishedAt[w]) / 1000;
                    samples.add(micros);
                    lastConsole[w] = Math.max(lastConsole[w], micros);
                }
            }
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] all = Arrays.stream(lastConsole).sorted().toArray();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        String summary = String.format(Locale.ROOT, """
                console fan-out: %d consoles x %d warnings = %d pushes (%d received, %d missing, %d duplicates)
                push latency, publish to dust.warning -> event read by the console (ms):
                  p50 %.1f   p95 %.1f   p99 %.1f   max %.1f   mean %.1f
                time until the last console has a warning (ms): p50 %.1f   p99 %.1f   max %.1f
                consoles connected and synced in %.1f s (%d connects retried after 30 s without an answer); %d CPUs, load average %.1f before, %.1f after
                tokens: HS256 test decoder inside the benchmark only (Keycloak not started)""",
                clients, warnings, clients * warnings, sorted.length, missing(), duplicates.get(),
                ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(pct(sorted, 100)),
                sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1000,
                ms(pct(all, 50)), ms(pct(all, 99)), ms(pct(all, 100)), connectSeconds, retries.get(), cpus, loadBefore, loadAfter);
        System.out.println(summary);
        return String.format(Locale.ROOT, """
                {"benchmark":"console-fanout","at":"%s","clients":%d,"warnings":%d,"intervalMs":%d,\
                "pushes":%d,"received":%d,"missing":%d,"duplicates":%d,\
                "latencyMs":{"p50":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f},\
                "lastConsoleMs":{"p50":%.2f,"p99":%.2f,"max":%.2f},\
                "connectSeconds":%.2f,"connectRetries":%d,"cpus":%d,"loadAverageBefore":%.2f,"loadAverageAfter":%.2f,\
                "tokens":"HS256 test decoder inside the benchmark only (Keycloak not started)"}
                """, Instant.now(), clients, warnings, intervalMs, clients * warnings, sorted.length, missing(),
                duplicates.get(), ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(pct(sorted, 100)),
                ms(pct(all, 50)), ms(pct(all, 99)), ms(pct(all, 100)), connectSeconds, retries.get(), cpus, loadBefore, loadAfter);
    }

    /** Nearest-rank percentile of sorted values (micros); 0 when there are none. */
    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static Warning warning(String id) {
        return new Warning(id, HUANGSHI_FURNITURE, "莆田市荔城区黄石家具厂", HUANGSHI, Colour.YELLOW, Instant.now(),
                "hopper temperature of DC001 above 70 °C for 10 min", null, List.of(), null, "risk-2026.1");
    }

    /** A 荔城区 duty officer's HS256 token, valid for two hours. */
    private static String token(String username) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("preferred_username", username)
                .claim("dw_kind", "REGULATOR").claim("dw_region", LICHENG).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SECRET));
        return jwt.serialize();
    }

    private static void log(String message) {
        System.out.println("[fanout] " + message);
    }

    /** The benchmark's token decoder: HS256 with this run's random secret. Never part of the service. */
    @Configuration(proxyBeanMethods = false)
    static class BenchTokens {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256")).build();
        }
    }
}
