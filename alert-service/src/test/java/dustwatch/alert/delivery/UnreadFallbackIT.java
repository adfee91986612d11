package dustwatch.alert.delivery;

import dustwatch.alert.AlertApplication;
import dustwatch.alert.routing.EventKind;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import dustwatch.fakesms.FakeSmsProvider;
import dustwatch.support.security.FixedTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dustwatch.alert.Fixtures.HUANGSHI;
import static dustwatch.alert.Fixtures.HUANGSHI_FURNITURE;
import static dustwatch.alert.Fixtures.huangshiWarning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console-unread fallback (未读转发) survives a restart: a YELLOW warning's console message to 黄石镇 that nobody
 * reads within the (test) limit of 3 s goes on by SMS from a service started after the first one was stopped — the
 * first never sweeps (tick 1 h), so only what the delivery table holds can have moved it — while one read before is
 * not moved; and of two concurrent claims of one unread message exactly one wins. An embedded KRaft broker, an
 * embedded PostgreSQL and the fake SMS provider, which all outlive the service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the second test uses the service the first restarted
class UnreadFallbackIT {
    private static final Duration ARRIVES = Duration.ofSeconds(30);
    private static final Duration LIMIT = Duration.ofSeconds(3);
    /** The seeded duty unit of 黄石镇: no staff, so its default contact (phone 13900000004) is told. */
    private static final String TOWN_RECIPIENT = HUANGSHI + "/default";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EmbeddedKafkaKraftBroker broker;
    private EmbeddedPostgres postgres;
    private FakeSmsProvider sms;
    private KafkaProducer<String, Warning> warnings;
    private JdbcClient db;
    private ConfigurableApplicationContext service;

    @BeforeAll
    void brokerDatabaseAndSms() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.WARNINGS.name(), Topics.DISPOSAL_EVENTS.name(),
                Topics.NOTIFICATIONS.name());
        broker.afterPropertiesSet();
        postgres = EmbeddedPostgres.builder().start();
        db = JdbcClient.create(postgres.getPostgresDatabase());
        sms = FakeSmsProvider.start(0);
        warnings = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), Topics.WARNINGS.keySerde().serializer(),
                Topics.WARNINGS.valueSerde().serializer());
    }

    @AfterAll
    void stopAll() throws Exception {
        if (service != null) {
            service.close();
        }
        warnings.close();
        sms.close();
        postgres.close();
        broker.destroy();
    }

    /** alert-service as deployed, sweeping every {@code tick}, YELLOW console messages unread for {@link #LIMIT}. */
    private ConfigurableApplicationContext startService(String tick) {
        return new SpringApplicationBuilder(AlertApplication.class, Tokens.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations()))
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--dustwatch.alert.notify.unread-limit.YELLOW=" + LIMIT.toSeconds() + "s",
                        "--dustwatch.alert.notify.tick=" + tick,
                        "--dustwatch.alert.notify.sms.url=" + sms.url(),
                        "--logging.level.org.apache.kafka=WARN");
    }

    @Test
    @Order(1)
    void aConsoleMessageUnreadPastItsLimitGoesOnBySmsAfterARestartAndAReadOneDoesNot() throws Exception {
        if (service != null) {
            service.close();
        }
        service = startService("1h");
        Warning unread = huangshiWarning("w-unread-" + UUID.randomUUID(), Colour.YELLOW);
        Warning read = huangshiWarning("w-read-" + UUID.randomUUID(), Colour.YELLOW);
        warnings.send(Topics.WARNINGS.record(unread.uscc(), unread)).get();
        warnings.send(Topics.WARNINGS.record(read.uscc(), read)).get();
        long unreadId = awaitOnConsole(unread.warningId());
        long readId = awaitOnConsole(read.warningId());
        assertThat(post("/api/v1/alerts/deliveries/" + readId + "/read", "huangshi")).isEqualTo(200);

        service.close();
        assertThat(attempts(unreadId)).as("nothing moved it before the restart").containsExactly("CONSOLE:SENT:CONSOLE_QUEUED");
        assertThat(sms.received()).noneMatch(body -> body.contains(unread.warningId()));

        service = startService("200ms");
        await().atMost(ARRIVES).until(() -> smsFor(unreadId).size() == 1);
        await().atMost(ARRIVES).until(() -> status(unread.warningId(), HUANGSHI_FURNITURE).equals("FAILED"));
        Thread.sleep(LIMIT.toMillis() / 2); // several more sweeps: nothing more may move

        assertThat(attempts(unreadId)).as("the town's unread message, after the restart")
                .containsExactly("CONSOLE:SENT:CONSOLE_QUEUED", "CONSOLE:UNREAD_TIMEOUT", "SMS:SENT:PROVIDER_ACCEPTED");
        Map<String, Object> row = db.sql("select status, channel_index, console_sent_at, message_text from alert.delivery"
                + " where id = ?").param(unreadId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("channel_index")).as("SMS, the second of YELLOW's chain").isEqualTo(1);
        assertThat(row.get("console_sent_at")).isNull();
        List<String> texts = smsFor(unreadId);
        assertThat(texts).as("exactly one SMS, with the text stored when the warning came")
                .containsExactly((String) row.get("message_text"));
        assertThat(texts.getFirst()).contains("黄石镇应急办值班室", unread.warningId() + " / WARNING");

        assertThat(attempts(readId)).as("read before the limit: not moved on")
                .containsExactly("CONSOLE:SENT:CONSOLE_QUEUED", "CONSOLE:READ:CONSOLE_ACKNOWLEDGED");
        assertThat(status(read.warningId(), HUANGSHI)).isEqualTo("READ");
        assertThat(smsFor(readId)).isEmpty();
        assertThat(db.sql("""
                        select a.outcome from alert.delivery d join alert.delivery_attempt a on a.delivery_id = d.id
                        where d.subject_id = ? and d.step = 'ROSTER_GAP/WARNING'""").param(unread.warningId())
                .query(String.class).list()).as("the roster-gap notice is the console's alone").containsExactly("SENT");
        long enterprise = deliveryId(unread.warningId(), HUANGSHI_FURNITURE);
        assertThat(attempts(enterprise)).as("the enterprise has no phone or e-mail: tried, not reachable")
                .containsExactly("CONSOLE:SENT:CONSOLE_QUEUED", "CONSOLE:UNREAD_TIMEOUT", "SMS:UNREACHABLE",
                        "EMAIL:UNREACHABLE");
    }

    @Test
    @Order(2)
    void ofTwoConcurrentClaimsOfAnUnreadMessageExactlyOneWins() throws Exception {
        if (service == null || !service.isActive()) {
            service = startService("200ms");
        }
        DeliveryLog log = service.getBean(DeliveryLog.class);
        ExecutorService claimers = Executors.newFixedThreadPool(2);
        List<Long> ids = new ArrayList<>();
        try {
            for (int n = 0; n < 20; n++) {
                // BLUE: its unread limit (2 h) keeps the service's own sweep off these rows
                long id = log.open(new DeliveryLog.New("w-claim-" + UUID.randomUUID(), "WARNING", TOWN_RECIPIENT,
                        EventKind.WARNING, "BLUE", Tier.TOWN, HUANGSHI, "镇应急办值班员", "13900000004", null,
                        DeliveryStatus.SENDING, "test", HUANGSHI_FURNITURE, HUANGSHI, "title", "text")).orElseThrow();
                log.sentOnConsole(id, 0);
                ids.add(id);
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Boolean> claim = () -> {
                    together.await();
                    return log.claimUnread(id, 0, 1, "not read within PT2H");
                };
                List<Future<Boolean>> won = claimers.invokeAll(List.of(claim, claim));
                assertThat(List.of(won.get(0).get(), won.get(1).get())).as("claims of delivery " + id)
                        .containsExactlyInAnyOrder(true, false);
            }
        } finally {
            claimers.shutdownNow();
        }
        assertThat(db.sql("select count(*) from alert.delivery_attempt where outcome = 'UNREAD_TIMEOUT' and delivery_id in (:ids)")
                .param("ids", ids).query(Integer.class).single()).isEqualTo(ids.size());
        assertThat(db.sql("select distinct status || ':' || channel_index from alert.delivery where id in (:ids)")
                .param("ids", ids).query(String.class).list()).containsExactly("SENDING:1");
    }

    // --- helpers

    /** Waits until the town's WARNING delivery of the warning is SENT on the console, unread; returns its id. */
    private long awaitOnConsole(String warningId) {
        await().atMost(ARRIVES).until(() -> db.sql("""
                        select count(*) from alert.delivery where subject_id = ? and recipient = ? and step = 'WARNING'
                          and status = 'SENT' and console_sent_at is not null""")
                .params(warningId, TOWN_RECIPIENT).query(Integer.class).single() == 1);
        return deliveryId(warningId, HUANGSHI);
    }

    private long deliveryId(String warningId, String unitCode) {
        return db.sql("select id from alert.delivery where subject_id = ? and unit_code = ? and step = 'WARNING'")
                .params(warningId, unitCode).query(Long.class).single();
    }

    private String status(String warningId, String unitCode) {
        return db.sql("select status from alert.delivery where subject_id = ? and unit_code = ? and step = 'WARNING'")
                .params(warningId, unitCode).query(String.class).single();
    }

    private List<String> attempts(long deliveryId) {
        return db.sql("""
                        select channel || ':' || outcome || coalesce(':' || receipt, '') from alert.delivery_attempt
                        where delivery_id = ? order by id""").param(deliveryId).query(String.class).list();
    }

    /** The texts of the SMS the fake provider accepted for a delivery. */
    private List<String> smsFor(long deliveryId) {
        List<String> texts = new ArrayList<>();
        for (String body : sms.received()) {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json.get("ref").asString().equals(Long.toString(deliveryId))) {
                texts.add(json.get("text").asString());
            }
        }
        return texts;
    }

    private int post(String path, String token) throws Exception {
        URI uri = URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port") + path);
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @TestConfiguration
    static class Tokens {
        @Bean
        JwtDecoder jwtDecoder() {
            Map<String, Object> townDuty = Map.of("preferred_username", "huangshi-duty", "dw_kind", "REGULATOR",
                    "dw_region", HUANGSHI);
            return FixedTokens.decoder(Map.of("huangshi", townDuty));
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
