package dustwatch.alert.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dustwatch.alert.AlertApplication;
import dustwatch.alert.Fixtures;
import dustwatch.alert.TestDatabase;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import dustwatch.fakesms.FakeSmsProvider;
import dustwatch.support.security.FixedTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static dustwatch.alert.Fixtures.FUJIAN;
import static dustwatch.alert.Fixtures.HUANGSHI;
import static dustwatch.alert.Fixtures.HUANGSHI_FURNITURE;
import static dustwatch.alert.Fixtures.LICHENG;
import static dustwatch.alert.Fixtures.PUTIAN;
import static dustwatch.alert.Fixtures.XINDU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * alert-service on a random port with an embedded KRaft broker, an embedded PostgreSQL, the fake SMS provider and
 * GreenMail (a real SMTP server, in-process): the routing table's units per colour, the preview, the SMS breaker
 * falling back to e-mail, reminders ending at sign-in, maintenance windows and offline holds, rosters.
 * ORANGE goes SMS → e-mail here (so the breaker test needs no console timeout); BLUE reminds every second.
 */
@SpringBootTest(classes = {AlertApplication.class, NotifyIT.Tokens.class, TestDatabase.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dustwatch.alert.notify.chain.ORANGE=SMS,EMAIL",
                "dustwatch.alert.notify.reminder-cadence.BLUE=1s", "dustwatch.alert.notify.tick=200ms",
                "dustwatch.alert.notify.resilience.SMS.max-attempts=2",
                "dustwatch.alert.notify.resilience.SMS.retry-wait=50ms",
                "dustwatch.alert.notify.resilience.SMS.minimum-calls=2",
                "dustwatch.alert.notify.resilience.SMS.sliding-window=4",
                "logging.level.org.apache.kafka=WARN"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final FakeSmsProvider SMS;
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        try {
            SMS = FakeSmsProvider.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MAIL.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("dustwatch.alert.notify.sms.url", SMS::url);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChannelResilience resilience;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void close() {
        producer.close();
        SMS.close();
        MAIL.stop();
    }

    @Test
    void aWarningOfEachColourInHuangshiReachesExactlyThePlansUnitsAndThePreviewAgrees() throws Exception {
        Map<Colour, Set<String>> expected = Map.of(
                Colour.BLUE, Set.of(HUANGSHI_FURNITURE),
                Colour.YELLOW, Set.of(HUANGSHI_FURNITURE, HUANGSHI),
                Colour.ORANGE, Set.of(HUANGSHI_FURNITURE, LICHENG),
                Colour.RED, Set.of(HUANGSHI_FURNITURE, LICHENG, PUTIAN, FUJIAN));
        for (Colour colour : Colour.values()) {
            Warning warning = Fixtures.huangshiWarning("w-route-" + colour + "-" + UUID.randomUUID(), colour);
            produceWarning(warning);
            List<JsonNode> deliveries = awaitDeliveries("licheng", warning.warningId(),
                    list -> list.stream().filter(d -> d.get("step").asString().equals("WARNING")).count()
                            >= expected.get(colour).size());
            Set<String> units = deliveries.stream().filter(d -> d.get("step").asString().equals("WARNING"))
                    .map(d -> d.get("unitCode").asString()).collect(Collectors.toSet());
            assertThat(units).as(colour + " reaches").isEqualTo(expected.get(colour));

            JsonNode preview = get("/api/v1/alerts/routing/preview?warningId=" + warning.warningId(), "licheng").body();
            Set<String> previewed = StreamSupport.stream(preview.get("recipients").spliterator(), false)
                    .map(r -> r.get("unitCode").asString()).collect(Collectors.toSet());
            assertThat(previewed).as(colour + " preview").isEqualTo(expected.get(colour));
            assertThat(preview.get("routingVersion").asString()).startsWith("v");
            Map<String, String> whyPreviewed = StreamSupport.stream(preview.get("recipients").spliterator(), false)
                    .collect(Collectors.toMap(r -> r.get("unitCode").asString(), r -> r.get("why").asString()));
            assertThat(whyPreviewed.values()).allSatisfy(why -> assertThat(why).contains("WARNING/" + colour));
            assertThat(deliveries).filteredOn(d -> d.get("step").asString().equals("WARNING")).allSatisfy(d ->
                    assertThat(d.get("routingWhy").asString()).startsWith(whyPreviewed.get(d.get("unitCode").asString())));
        }
        // the town sees no preview (routing is for district and above); another district's enterprise is not found
        assertThat(get("/api/v1/alerts/routing/preview?warningId=x", "huangshi").status()).isEqualTo(403);
        assertThat(get("/api/v1/alerts/routing/preview?warningId=unknown", "licheng").status()).isEqualTo(404);
    }

    @Test
    void aChangedRuleIsVersionedAuditedAndUsedForTheNextWarning() throws Exception {
        // Licheng adds the town to its orange warnings, for its own district only
        Response put = send("PUT", "/api/v1/alerts/routing/WARNING/ORANGE?region=" + LICHENG, "licheng",
                "{\"recipientTiers\":[\"ENTERPRISE\",\"TOWN\",\"DISTRICT\"],\"reason\":\"town joins orange checks\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("version").asInt()).isEqualTo(1);
        assertThat(put.body().get("regionCode").asString()).isEqualTo(LICHENG);
        try {
            assertThat(send("PUT", "/api/v1/alerts/routing/WARNING/ORANGE?region=350305", "licheng",
                    "{\"recipientTiers\":[\"ENTERPRISE\"],\"reason\":\"x\"}").status()).as("another district").isEqualTo(403);
            assertThat(send("PUT", "/api/v1/alerts/routing/WARNING/ORANGE", "huangshi",
                    "{\"recipientTiers\":[\"ENTERPRISE\"],\"reason\":\"x\"}").status()).as("a town").isEqualTo(403);
            Warning warning = Fixtures.warning("w-rule-" + UUID.randomUUID(), Fixtures.XINDU_POLISHING, "新度抛光",
                    XINDU, Colour.ORANGE);
            produceWarning(warning);
            JsonNode preview = awaitPreview(warning.warningId());
            assertThat(preview.get("routingVersion").asString()).isEqualTo("v1@" + LICHENG);
            Set<String> units = StreamSupport.stream(preview.get("recipients").spliterator(), false)
                    .map(r -> r.get("unitCode").asString()).collect(Collectors.toSet());
            assertThat(units).isEqualTo(Set.of(Fixtures.XINDU_POLISHING, XINDU, LICHENG));
            JsonNode history = get("/api/v1/alerts/routing/history", "licheng").body();
            assertThat(history.get(0).get("changedBy").asString()).isEqualTo("licheng-duty");
            assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ROUTING_CHANGED' and actor = 'licheng-duty'")
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            // back to the plan's table for Licheng (a second version), so other tests see the default
            send("PUT", "/api/v1/alerts/routing/WARNING/ORANGE?region=" + LICHENG, "licheng",
                    "{\"recipientTiers\":[\"ENTERPRISE\",\"DISTRICT\"],\"reason\":\"back to the plan\"}");
        }
    }

    @Test
    void theSmsProviderAnswering500TripsTheBreakerAndEmailDeliversInstead() throws Exception {
        SMS.failWith(500);
        try {
            Warning first = Fixtures.huangshiWarning("w-sms-1-" + UUID.randomUUID(), Colour.ORANGE);
            produceWarning(first);
            JsonNode firstToLicheng = awaitSentTo(first.warningId(), LICHENG);
            List<String> firstAttempts = attempts(firstToLicheng);
            assertThat(firstAttempts).as("SMS failed (each try logged), then e-mail took it")
                    .contains("SMS:FAILED").last().isEqualTo("EMAIL:SENT:SMTP_ACCEPTED");
            assertThat(resilience.state(ChannelName.SMS)).isEqualTo(CircuitBreaker.State.OPEN);

            Warning second = Fixtures.huangshiWarning("w-sms-2-" + UUID.randomUUID(), Colour.ORANGE);
            produceWarning(second);
            JsonNode secondToLicheng = awaitSentTo(second.warningId(), LICHENG);
            assertThat(attempts(secondToLicheng)).as("the open breaker refuses SMS at once")
                    .containsExactly("SMS:BREAKER_OPEN", "EMAIL:SENT:SMTP_ACCEPTED");
            assertThat(secondToLicheng.get("status").asString()).isEqualTo("SENT");

            assertThat(SMS.received()).noneMatch(body -> body.contains(first.warningId()) || body.contains(second.warningId()));
            assertThat(SMS.refused()).isGreaterThanOrEqualTo(1);
            List<MimeMessage> mails = mailsTo("duty@licheng.example");
            assertThat(mails.stream().map(GreenMailUtil::getBody))
                    .anyMatch(body -> body.contains(first.warningId()))
                    .anyMatch(body -> body.contains(second.warningId()));
            assertThat(mails).anySatisfy(m -> assertThat(m.getSubject()).contains("橙色预警"));
        } finally {
            SMS.failWith(0);
        }
    }

    @Test
    void remindersRepeatUntilTheEnterpriseSignsInAndThenStop() throws Exception {
        Warning blue = Fixtures.huangshiWarning("w-remind-" + UUID.randomUUID(), Colour.BLUE);
        produceWarning(blue);
        await().atMost(PATIENCE).until(() -> reminders(blue.warningId()) >= 2);
        produce(Topics.DISPOSAL_EVENTS.name(), blue.uscc(), Topics.DISPOSAL_EVENTS.writeValue(new DisposalEvent(
                UUID.randomUUID().toString(), blue.warningId(), blue.uscc(), blue.regionCode(), Colour.BLUE,
                DisposalActions.SIGN_IN, WarningState.ISSUED, WarningState.SIGNED_IN, "huangshi-safety", "ENTERPRISE",
                null, Instant.now())));
        await().atMost(PATIENCE).until(() -> jdbc.sql("select signed_in_at is not null from known_warning where warning_id = ?")
                .param(blue.warningId()).query(Boolean.class).single());
        int atSignIn = reminders(blue.warningId());
        Thread.sleep(2500); // two and a half cadences
        assertThat(reminders(blue.warningId())).as("no reminder after the sign-in").isEqualTo(atSignIn);
        List<JsonNode> log = awaitDeliveries("huangshi-plant", blue.warningId(), list -> true);
        assertThat(log).as("the enterprise sees its own deliveries only")
                .allSatisfy(d -> assertThat(d.get("unitCode").asString()).isEqualTo(HUANGSHI_FURNITURE));
        assertThat(log.stream().map(d -> d.get("step").asString())).contains("WARNING", "REMINDER-1", "REMINDER-2");
        List<String> streamed = jdbc.sql("select source_key || ' ' || array_to_string(audiences, ',') from console_event"
                + " where kind = 'REMINDER' and warning_id = ? order by id").param(blue.warningId()).query(String.class).list();
        // the steps the console channel took (a reminder stopped by the sign-in before its send is not streamed)
        List<String> expected = jdbc.sql("select distinct d.step from delivery d join delivery_attempt a on a.delivery_id = d.id"
                        + " where d.subject_id = ? and d.step like 'REMINDER-%' and a.channel = 'CONSOLE' and a.outcome = 'SENT'")
                .param(blue.warningId()).query(String.class).list().stream()
                .sorted(java.util.Comparator.comparingInt(step -> Integer.parseInt(step.substring("REMINDER-".length()))))
                .map(step -> "reminder:" + blue.warningId() + ":" + step + " ENTERPRISE:" + blue.uscc()).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        assertThat(streamed).as("each reminder step streamed once, to the enterprise's consoles only").isEqualTo(expected);
    }

    @Test
    void aWarningInsideAMaintenanceWindowIsLoggedAndNotSentAndTheWindowExpiresByItself() throws Exception {
        String plant = Fixtures.uscc("91350304MA5MW0001");
        Instant now = Instant.now();
        Response approved = send("POST", "/api/v1/alerts/maintenance-windows", "licheng", """
                {"uscc":"%s","regionCode":"%s","startsAt":"%s","endsAt":"%s","reason":"年度检修: 除尘器更换滤袋"}"""
                .formatted(plant, HUANGSHI, now.minusSeconds(60), now.plusSeconds(4)));
        assertThat(approved.status()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/alerts/maintenance-windows", "huangshi", """
                {"uscc":"%s","regionCode":"%s","startsAt":"%s","endsAt":"%s","reason":"x"}"""
                .formatted(plant, HUANGSHI, now, now.plusSeconds(60))).status()).as("a town does not approve").isEqualTo(403);

        Warning inside = Fixtures.warning("w-maint-" + UUID.randomUUID(), plant, "黄石检修厂", HUANGSHI, Colour.YELLOW);
        produceWarning(inside);
        List<JsonNode> held = awaitDeliveries("licheng", inside.warningId(), list -> list.size() >= 2);
        assertThat(held).allSatisfy(d -> {
            assertThat(d.get("status").asString()).isEqualTo("HELD_MAINTENANCE");
            assertThat(d.get("attempts")).isEmpty();
        });
        assertThat(mailsTo("duty@huangshi.example").stream().map(GreenMailUtil::getBody))
                .noneMatch(body -> body.contains(inside.warningId()));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'MAINTENANCE_APPROVED' and subject = ?")
                .param("maintenance/" + plant).query(Integer.class).single()).isEqualTo(1);

        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(now.plusSeconds(5)));
        Warning after = Fixtures.warning("w-maint-after-" + UUID.randomUUID(), plant, "黄石检修厂", HUANGSHI, Colour.YELLOW);
        produceWarning(after);
        JsonNode town = awaitSentTo(after.warningId(), HUANGSHI);
        assertThat(town.get("attempts")).isNotEmpty();
    }

    @Test
    void anEnterpriseReportedOfflineHasItsWarningsHeld() throws Exception {
        String plant = Fixtures.uscc("91350304MA5QF0002");
        produce(Topics.OFFLINE.name(), plant, Topics.OFFLINE.writeValue(new OfflineEvent(UUID.randomUUID().toString(),
                plant, HUANGSHI, "ENTERPRISE", plant, "START", Instant.now().minusSeconds(600), Instant.now())));
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from offline_hold where uscc = ?").param(plant)
                .query(Integer.class).single() == 1);
        Warning warning = Fixtures.warning("w-offline-" + UUID.randomUUID(), plant, "黄石离线厂", HUANGSHI, Colour.YELLOW);
        produceWarning(warning);
        List<JsonNode> held = awaitDeliveries("licheng", warning.warningId(), list -> list.size() >= 2);
        assertThat(held).allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("HELD_OFFLINE"));
    }

    @Test
    void theStaffOnDutyAtSendTimeAreTold() throws Exception {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(china);
        Instant now = Instant.now();
        Response put = send("PUT", "/api/v1/alerts/rosters/" + XINDU, "xindu", """
                {"name":"新度镇应急办值班室",
                 "defaultContact":{"staffId":"default","name":"镇值班室","phone":"13900000005","email":"duty@xindu.example"},
                 "staff":[{"staffId":"zhang","name":"张伟","phone":"13800000001","email":"zhang@xindu.example"},
                          {"staffId":"li","name":"李娜","phone":"13800000002","email":"li@xindu.example"},
                          {"staffId":"wang","name":"王强","phone":"13800000003","email":"wang@xindu.example"}],
                 "shifts":[{"staffId":"zhang","onDate":"%s","starts":"00:00","ends":"00:00"},
                           {"staffId":"li","weekday":1,"starts":"08:30","ends":"17:30"},
                           {"staffId":"wang","weekday":1,"starts":"20:00","ends":"08:00"}],
                 "holidays":[{"date":"2026-10-05","name":"国庆节"}],
                 "substitutes":[{"staffId":"li","substituteId":"wang","from":"2026-10-12T01:00:00Z","to":"2026-10-12T04:00:00Z"}]}
                """.formatted(today));
        assertThat(put.status()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/alerts/rosters/" + XINDU, "huangshi", "{\"name\":\"x\"}").status())
                .as("another town").isEqualTo(404);

        // Monday 2026-10-12 (China time): li 08:30-17:30, covered by wang 09:00-12:00; wang from 20:00 into Tuesday
        assertThat(onDuty("2026-10-12T10:00:00+08:00")).isEqualTo(List.of("王强"));
        assertThat(onDuty("2026-10-12T13:00:00+08:00")).isEqualTo(List.of("李娜"));
        assertThat(onDuty("2026-10-13T07:00:00+08:00")).as("overnight shift").isEqualTo(List.of("王强"));
        assertThat(onDuty("2026-10-05T10:00:00+08:00")).as("holiday: default contact").isEqualTo(List.of("镇值班室"));
        assertThat(get("/api/v1/alerts/rosters/" + XINDU + "/on-duty?at=2026-10-05T10:00:00%2B08:00", "xindu")
                .body().get("gap").asBoolean()).isTrue();
        assertThat(onDuty("2026-10-14T12:00:00+08:00")).as("no Wednesday shift: default").isEqualTo(List.of("镇值班室"));

        Warning warning = Fixtures.warning("w-duty-" + UUID.randomUUID(), Fixtures.XINDU_POLISHING, "新度抛光",
                XINDU, Colour.YELLOW);
        produceWarning(warning);
        List<JsonNode> deliveries = awaitDeliveries("licheng", warning.warningId(),
                list -> list.stream().anyMatch(d -> d.get("unitCode").asString().equals(XINDU)));
        List<String> told = deliveries.stream().filter(d -> d.get("unitCode").asString().equals(XINDU))
                .map(d -> d.get("person").asString()).toList();
        assertThat(told).as("on duty at " + now.atZone(china)).contains("张伟").doesNotContain("镇值班室");
        assertThat(deliveries).as("no gap, no gap notice").noneMatch(d -> d.get("step").asString().startsWith("ROSTER_GAP/"));
        assertThat(jdbc.sql("select count(*) from roster_gap where unit_code = ? and subject_id = ?")
                .params(XINDU, warning.warningId()).query(Integer.class).single()).isZero();

        // Licheng's seeded unit has a default contact but no staff: a gap, recorded and noticed on its console
        Warning orange = Fixtures.huangshiWarning("w-gap-" + UUID.randomUUID(), Colour.ORANGE);
        produceWarning(orange);
        List<JsonNode> gap = awaitDeliveries("licheng", orange.warningId(),
                list -> list.stream().anyMatch(d -> d.get("step").asString().equals("ROSTER_GAP/WARNING")));
        JsonNode notice = gap.stream().filter(d -> d.get("step").asString().equals("ROSTER_GAP/WARNING")).findFirst().orElseThrow();
        assertThat(notice.get("unitCode").asString()).isEqualTo(LICHENG);
        assertThat(notice.get("attempts").get(0).get("receipt").asString()).isEqualTo("CONSOLE_QUEUED");
        assertThat(gap).anySatisfy(d -> {
            assertThat(d.get("step").asString()).isEqualTo("WARNING");
            assertThat(d.get("unitCode").asString()).isEqualTo(LICHENG);
            assertThat(d.get("person").asString()).isEqualTo("区局值班员");
            assertThat(d.get("routingWhy").asString()).contains("roster gap");
        });
        assertThat(jdbc.sql("select count(*) from roster_gap where unit_code = ? and subject_id = ?")
                .params(LICHENG, orange.warningId()).query(Integer.class).single()).isEqualTo(1);
    }

    // --- helpers

    private List<String> onDuty(String at) throws Exception {
        JsonNode body = get("/api/v1/alerts/rosters/" + XINDU + "/on-duty?at=" + at.replace("+", "%2B"), "xindu").body();
        List<String> names = new ArrayList<>();
        body.get("contacts").forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    private int reminders(String warningId) {
        return jdbc.sql("select count(distinct step) from delivery where subject_id = ? and step like 'REMINDER-%'")
                .param(warningId).query(Integer.class).single();
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static List<String> attempts(JsonNode delivery) {
        List<String> list = new ArrayList<>();
        delivery.get("attempts").forEach(a -> list.add(a.get("channel").asString() + ":" + a.get("outcome").asString()
                + (a.get("receipt") == null || a.get("receipt").isNull() ? "" : ":" + a.get("receipt").asString())));
        return list;
    }

    private JsonNode awaitSentTo(String warningId, String unit) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            awaitDeliveries("licheng", warningId, list -> true).stream()
                    .filter(d -> d.get("unitCode").asString().equals(unit) && d.get("step").asString().equals("WARNING")
                            && !d.get("status").asString().equals("SENDING"))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    private JsonNode awaitPreview(String warningId) {
        JsonNode[] preview = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            Response r = get("/api/v1/alerts/routing/preview?warningId=" + warningId, "licheng");
            preview[0] = r.body();
            return r.status() == 200;
        });
        return preview[0];
    }

    private List<JsonNode> awaitDeliveries(String token, String warningId,
                                           java.util.function.Predicate<List<JsonNode>> enough) {
        List<JsonNode> result = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            result.clear();
            Response r = get("/api/v1/alerts/deliveries?warningId=" + warningId, token);
            if (r.status() != 200) {
                return false;
            }
            r.body().forEach(result::add);
            return !result.isEmpty() && enough.test(result);
        });
        return result;
    }

    private void produceWarning(Warning warning) throws Exception {
        produce(Topics.WARNINGS.name(), warning.uscc(), Topics.WARNINGS.writeValue(warning));
    }

    private void produce(String topic, String key, byte[] value) throws Exception {
        producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value)).get();
    }

    record Response(int status, JsonNode body) {
    }

    private Response get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private Response send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(),
                response.body().isBlank() ? null : Json.MAPPER.readTree(response.body()));
    }

    @TestConfiguration
    static class Tokens {
        static final Map<String, Map<String, Object>> CLAIMS = Map.of(
                "licheng", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", LICHENG),
                "huangshi", Map.of("preferred_username", "huangshi-duty", "dw_kind", "REGULATOR", "dw_region", HUANGSHI),
                "xindu", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", XINDU),
                "huangshi-plant", Map.of("preferred_username", "huangshi-safety", "dw_kind", "ENTERPRISE",
                        "dw_region", HUANGSHI, "dw_uscc", HUANGSHI_FURNITURE));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(CLAIMS);
        }
    }
}
