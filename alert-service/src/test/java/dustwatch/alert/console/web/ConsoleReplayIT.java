package dustwatch.alert.console.web;

import dustwatch.alert.AlertApplication;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import dustwatch.support.security.FixedTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dustwatch.alert.Fixtures.HUANGSHI;
import static dustwatch.alert.Fixtures.HUANGSHI_FURNITURE;
import static dustwatch.alert.Fixtures.LICHENG;
import static dustwatch.alert.Fixtures.huangshiWarning;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console that was disconnected for a minute while two warnings and one clearing happened receives exactly those three events,
 * in order, once, on reconnecting with {@code Last-Event-ID}: with the service running, and with the service's
 * application context stopped and started again in between (one of them produced while it was down). Kafka
 * redeliveries (also across the restart) are not streamed twice. Real HTTP SSE,
 * an embedded KRaft broker and an embedded PostgreSQL that both outlive the service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleReplayIT {
    private static final Duration ARRIVES = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** How long the console stays away (issue 8: "disconnected for a minute"); the log has no time window, only a replay limit. */
    private static final Duration AWAY = Duration.ofMinutes(1);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EmbeddedKafkaKraftBroker broker;
    private EmbeddedPostgres postgres;
    private KafkaProducer<String, Warning> warnings;
    private KafkaProducer<String, DisposalEvent> disposal;
    private ConfigurableApplicationContext service;

    @BeforeAll
    void brokerAndDatabase() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.WARNINGS.name(), Topics.DISPOSAL_EVENTS.name(),
                Topics.NOTIFICATIONS.name());
        broker.afterPropertiesSet();
        postgres = EmbeddedPostgres.builder().start();
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all");
        warnings = new KafkaProducer<>(producer, Topics.WARNINGS.keySerde().serializer(),
                Topics.WARNINGS.valueSerde().serializer());
        disposal = new KafkaProducer<>(producer, Topics.DISPOSAL_EVENTS.keySerde().serializer(),
                Topics.DISPOSAL_EVENTS.valueSerde().serializer());
        service = startService();
    }

    @AfterEach
    void serviceRunsForTheNextTest() {
        if (service == null || !service.isActive()) {
            service = startService();
        }
    }

    @AfterAll
    void stopAll() throws Exception {
        if (service != null) {
            service.close();
        }
        warnings.close();
        disposal.close();
        postgres.close();
        broker.destroy();
    }

    /** alert-service as deployed (component scan of dustwatch.alert), with the test token decoder, on a free port. */
    private ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(AlertApplication.class, Tokens.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations()))
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--dustwatch.alert.console.heartbeat=1s");
    }

    private URI stream() {
        return URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port")
                + "/api/v1/alerts/stream");
    }

    @Test
    void aReconnectingConsoleGetsExactlyWhatItMissed() throws Exception {
        Warning seen = warning("seen");
        String lastEventId;
        try (SseClient observer = SseClient.open(http, stream(), "licheng")) {
            try (SseClient console = SseClient.open(http, stream(), "licheng")) {
                synced(console);
                synced(observer);
                produce(seen);
                SseClient.Event live = console.next("warning", ARRIVES);
                assertThat(json(live).get("warningId").asString()).isEqualTo(seen.warningId());
                lastEventId = live.id();
                assertThat(observer.next("warning", ARRIVES).id()).isEqualTo(lastEventId);
            }
            Instant disconnected = Instant.now();
            // Disconnected: two warnings, then the clearing of the first; each delivered twice by Kafka.
            Warning first = warning("first");
            Warning second = warning("second");
            DisposalEvent clear = clear(first);
            for (int delivery = 0; delivery < 2; delivery++) {
                produce(first);
                produce(second);
            }
            // The observer, connected all along, sees them live once each.
            List<SseClient.Event> live = new ArrayList<>(events(observer, 2, false));
            produce(clear);
            produce(clear);
            live.addAll(events(observer, 1, false));
            assertThat(live).extracting(SseClient.Event::name).containsExactly("warning", "warning", "state");

            awayUntil(disconnected.plus(AWAY));
            try (SseClient console = SseClient.open(http, stream(), "licheng", lastEventId)) {
                assertThat(console.next("ready", ARRIVES)).isNotNull();
                List<SseClient.Event> missed = events(console, 4, true);
                assertMissed(missed, first, second);
                JsonNode synced = json(missed.get(3));
                assertThat(missed.get(3).name()).isEqualTo("synced");
                assertThat(synced.get("mode").asString()).isEqualTo("replay");
                assertThat(synced.get("sent").asInt()).isEqualTo(3);
                assertThat(missed.get(3).id()).isEqualTo(live.get(2).id());
                assertThat(console.next(QUIET)).as("nothing more, nothing twice").isNull();
            }
        }
    }

    @Test
    void aReconnectingConsoleGetsExactlyWhatItMissedAcrossARestart() throws Exception {
        Warning seen = warning("seen-before-restart");
        String lastEventId;
        try (SseClient console = SseClient.open(http, stream(), "licheng")) {
            synced(console);
            produce(seen);
            SseClient.Event live = console.next("warning", ARRIVES);
            assertThat(json(live).get("warningId").asString()).isEqualTo(seen.warningId());
            lastEventId = live.id();
        }
        Instant disconnected = Instant.now();
        // Disconnected: the first warning while the service runs; the second while it is down (with a redelivery of
        // the one seen); the clearing of the first after it is up again.
        Warning first = warning("first-before-restart");
        Warning second = warning("second-while-down");
        produce(first);
        awaitLogged("warning:" + first.warningId());
        service.close();
        produce(seen);
        produce(second);
        service = startService();
        awaitLogged("warning:" + second.warningId());
        DisposalEvent clear = clear(first);
        produce(clear);
        awaitLogged("disposal:" + clear.eventId());

        awayUntil(disconnected.plus(AWAY));
        try (SseClient console = SseClient.open(http, stream(), "licheng", lastEventId)) {
            assertThat(console.next("ready", ARRIVES)).isNotNull();
            List<SseClient.Event> missed = events(console, 4, true);
            assertMissed(missed, first, second);
            assertThat(json(missed.get(0)).get("replay").asBoolean()).isTrue();
            assertThat(missed.get(3).name()).isEqualTo("synced");
            assertThat(json(missed.get(3)).get("sent").asInt()).isEqualTo(3);
            assertThat(console.next(QUIET)).as("nothing more, nothing twice").isNull();
        }

        // A console connecting afresh gets the open warnings of its scope: not the cleared one.
        try (SseClient fresh = SseClient.open(http, stream(), "licheng")) {
            List<String> open = new ArrayList<>();
            SseClient.Event event;
            while (!(event = fresh.next(ARRIVES)).name().equals("synced")) {
                if (event.name().equals("warning")) {
                    assertThat(event.id()).as("initial state carries no position").isNull();
                    assertThat(json(event).get("state").asString()).isNotIn("CLEARED", "SUPERSEDED");
                    open.add(json(event).get("warningId").asString());
                }
            }
            assertThat(json(event).get("mode").asString()).isEqualTo("snapshot");
            assertThat(open).contains(seen.warningId(), second.warningId()).doesNotContain(first.warningId());
        }
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() throws Exception {
        try (SseClient console = SseClient.open(http, stream(), "licheng-expiring")) {
            synced(console);
            assertThat(console.ended(Duration.ofSeconds(15))).as("the stream ended at the token's exp").isTrue();
        }
    }

    /** The three missed events in order: the first warning (now CLEARED, not new), the second, the clearing. */
    private static void assertMissed(List<SseClient.Event> missed, Warning first, Warning second) {
        assertThat(missed.subList(0, 3)).extracting(SseClient.Event::name).containsExactly("warning", "warning", "state");
        JsonNode firstWarning = json(missed.get(0));
        assertThat(firstWarning.get("warningId").asString()).isEqualTo(first.warningId());
        JsonNode secondWarning = json(missed.get(1));
        assertThat(secondWarning.get("warningId").asString()).isEqualTo(second.warningId());
        assertThat(secondWarning.get("state").asString()).isEqualTo("ISSUED");
        JsonNode clearing = json(missed.get(2));
        assertThat(clearing.get("warningId").asString()).isEqualTo(first.warningId());
        assertThat(clearing.get("action").asString()).isEqualTo("CLEAR");
        assertThat(clearing.get("toState").asString()).isEqualTo("CLEARED");
        // A replayed first warning carries its current state; one pushed live was ISSUED when it came.
        if (firstWarning.get("replay").asBoolean()) {
            assertThat(firstWarning.get("state").asString()).isEqualTo("CLEARED");
        }
        List<Long> ids = missed.subList(0, 3).stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    /** The next {@code count} events, {@code synced} among them only when {@code withSynced}. */
    private static List<SseClient.Event> events(SseClient client, int count, boolean withSynced) throws InterruptedException {
        List<SseClient.Event> events = new ArrayList<>();
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            SseClient.Event event = client.next(Duration.ofMillis(500));
            if (event != null && (withSynced || !event.name().equals("synced"))) {
                events.add(event);
            }
        }
        assertThat(events).as("events within " + ARRIVES).hasSize(count);
        return events;
    }

    /** Waits until the console log holds the event of {@code sourceKey} (the service consumed it). */
    /** The console stays disconnected until {@code until}. */
    private static void awayUntil(Instant until) throws InterruptedException {
        long left = Duration.between(Instant.now(), until).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private void awaitLogged(String sourceKey) throws Exception {
        long deadline = System.nanoTime() + ARRIVES.toNanos();
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var query = connection.prepareStatement("select count(*) from alert.console_event where source_key = ?")) {
            query.setString(1, sourceKey);
            while (System.nanoTime() < deadline) {
                try (var rows = query.executeQuery()) {
                    if (rows.next() && rows.getLong(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError(sourceKey + " not logged within " + ARRIVES);
    }

    private static void synced(SseClient client) throws InterruptedException {
        assertThat(client.next("synced", ARRIVES)).as("synced").isNotNull();
    }

    private static Warning warning(String name) {
        return huangshiWarning("w-" + name + "-" + UUID.randomUUID(), Colour.YELLOW);
    }

    private static DisposalEvent clear(Warning warning) {
        return new DisposalEvent("e-clear-" + UUID.randomUUID(), warning.warningId(), HUANGSHI_FURNITURE, HUANGSHI,
                Colour.YELLOW, DisposalActions.CLEAR, WarningState.FEEDBACK_SUBMITTED, WarningState.CLEARED,
                "licheng-duty", "DISTRICT", "dust removed, hopper cooled", Instant.now());
    }

    private void produce(Warning warning) throws Exception {
        warnings.send(Topics.WARNINGS.record(warning.uscc(), warning)).get();
    }

    private void produce(DisposalEvent event) throws Exception {
        disposal.send(Topics.DISPOSAL_EVENTS.record(event.uscc(), event)).get();
    }

    private static JsonNode json(SseClient.Event event) {
        return Json.MAPPER.readTree(event.data());
    }

    /** Test tokens; {@code licheng-expiring} expires 3 s after it is presented. */
    @TestConfiguration
    static class Tokens {
        private static final Map<String, Object> LICHENG_DUTY = Map.of("preferred_username", "licheng-duty",
                "dw_kind", "REGULATOR", "dw_region", LICHENG);

        @Bean
        JwtDecoder jwtDecoder() {
            JwtDecoder fixed = FixedTokens.decoder(Map.of("licheng", LICHENG_DUTY));
            return token -> token.equals("licheng-expiring")
                    ? Jwt.withTokenValue(token).header("alg", "none").claims(c -> c.putAll(LICHENG_DUTY))
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3)).build()
                    : fixed.decode(token);
        }
    }

    /** Keeps other tests' nested {@code @TestConfiguration}s out of the component scan (as @SpringBootTest does). */
    static final class ExcludeTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestConfigurations;
        }

        @Override
        public int hashCode() {
            return ExcludeTestConfigurations.class.hashCode();
        }
    }
}
