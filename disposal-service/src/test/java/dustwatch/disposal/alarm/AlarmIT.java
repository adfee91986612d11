package dustwatch.disposal.alarm;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.warning.Warning;
import dustwatch.disposal.StackForTests;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.warning.Fixtures;
import dustwatch.disposal.warning.ReviewMode;
import dustwatch.disposal.warning.WarningService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alarms from {@code dust.alarm} become cases in scope; sign-in and feedback over HTTP; an SLA breach is
 * announced once on {@code dust.disposal-events} (ALARM_OVERDUE) and resolved when the alarm is closed.
 */
class AlarmIT {
    static final Instant START = AlarmCaseTest.START;
    static StackForTests stack;
    static ConfigurableApplicationContext service;
    static int port;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        stack = new StackForTests(START);
        service = stack.start();
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
        stack.close();
    }

    @Test
    void anAlarmIsHandledAndItsLateSignInAnnouncedOnce() throws Exception {
        String id = "A-" + UUID.randomUUID();
        stack.clock.set(START);
        publish(AlarmCaseTest.alarm(id, Severity.CRITICAL, AlarmStatus.START));
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/v1/alarms/" + id, "plant", null).status() == 200);
        assertThat(call("GET", "/api/v1/alarms/" + id, "xindu", null).status()).isEqualTo(404);
        JsonNode listed = call("GET", "/api/v1/alarms?state=OPEN", "licheng", null).body();
        assertThat(listed.findValuesAsString("alarmId")).contains(id);

        Response early = call("POST", "/api/v1/alarms/" + id + "/feedback", "plant",
                "{\"cause\":\"REAL_HAZARD\",\"measures\":\"停机清灰\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("detail").asString()).contains("OPEN").contains("SIGNED_IN");

        AlarmService alarms = service.getBean(AlarmService.class);
        stack.clock.set(START.plus(Duration.ofMinutes(15)).minusSeconds(1));
        assertThat(alarms.announceBreaches()).isZero();
        stack.clock.set(START.plus(Duration.ofMinutes(16)));
        assertThat(alarms.announceBreaches()).isEqualTo(1);          // sign-in 15 min for CRITICAL
        assertThat(alarms.announceBreaches()).isZero();              // once
        assertThat(call("POST", "/api/v1/alarms/" + id + "/sign-in", "shop", null).status()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/alarms/" + id + "/sign-in", "plant", null).body().get("state").asString())
                .isEqualTo("SIGNED_IN");

        publish(AlarmCaseTest.alarm(id, Severity.CRITICAL, AlarmStatus.END));
        await().atMost(Duration.ofSeconds(30)).until(() -> "AUTO_RECOVERED".equals(
                call("GET", "/api/v1/alarms/" + id, "plant", null).body().get("alarm").get("state").asString()));
        Response bad = call("POST", "/api/v1/alarms/" + id + "/feedback", "plant", "{\"measures\":\"自行恢复\"}");
        assertThat(bad.status()).isEqualTo(400);                     // a self-recovered alarm still needs a cause
        Response closed = call("POST", "/api/v1/alarms/" + id + "/feedback", "plant",
                "{\"cause\":\"PROCESS_FLUCTUATION\",\"measures\":\"调整进料速度\",\"evidence\":[\"photo-1.jpg\"]}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.body().get("state").asString()).isEqualTo("CLOSED");
        stack.clock.set(START.plus(Duration.ofHours(3)));
        assertThat(alarms.announceBreaches()).isZero();              // closed within the 2 h feedback SLA

        JsonNode detail = call("GET", "/api/v1/alarms/" + id, "licheng", null).body();
        List<String> steps = new ArrayList<>();
        detail.get("steps").forEach(s -> steps.add(s.get("action").asString()));
        assertThat(steps).containsExactly("OPEN", "SIGN_IN_OVERDUE", "SIGN_IN", "RECOVER", "FEEDBACK");
        assertThat(detail.get("alarm").get("feedback").get("cause").asString()).isEqualTo("PROCESS_FLUCTUATION");

        List<DisposalEvent> events = disposalEvents(id, 2);
        assertThat(events).extracting(DisposalEvent::action).containsExactly("ALARM_OVERDUE", "ALARM_OVERDUE_RESOLVED");
        assertThat(events.get(0).note()).isEqualTo("SIGN_IN");
        assertThat(events.get(0).warningId()).isNull();
        assertThat(events.get(0).uscc()).isEqualTo(dustwatch.disposal.warning.Fixtures.HUANGSHI_PLANT);
    }

    /** Supervision, reports, patrols and escalation lists over HTTP, each scoped to the caller's region. */
    @Test
    void supervisionReportsPatrolsAndEscalationListsOverHttp() throws Exception {
        Instant t = Instant.parse("2026-05-04T01:00:00Z");                      // Monday 09:00 China time
        stack.clock.set(t);
        WarningService warnings = service.getBean(WarningService.class);
        Warning red = Fixtures.plantWarning(Colour.RED, t, null);
        Warning shopYellow = new Warning("W-" + UUID.randomUUID(), Fixtures.XINDU_SHOP, "新度铝镁抛光厂", Fixtures.XINDU,
                Colour.YELLOW, t, "湿式除尘器水位低", null, List.of(), null, "risk-test");
        warnings.receive(red);
        warnings.receive(shopYellow);
        stack.clock.set(t.plus(Duration.ofMinutes(5)));
        warnings.signIn(Fixtures.PLANT_USER, red.warningId());
        warnings.submitFeedback(Fixtures.PLANT_USER, red.warningId(), Cause.REAL_HAZARD, "停机清灰，更换滤袋", List.of("p1.jpg"));
        warnings.clear(Fixtures.LICHENG_DUTY, red.warningId(), "现场核查完毕", ReviewMode.ON_SITE);

        stack.clock.set(t.plus(Duration.ofHours(5)));                          // the yellow one: sign-in and feedback late
        dustwatch.disposal.escalation.EscalationLadder ladder = service.getBean(dustwatch.disposal.escalation.EscalationLadder.class);
        assertThat(ladder.runOnce()).isEqualTo(2);
        JsonNode district = call("GET", "/api/v1/escalations?action=SUPERVISION_NOTICE", "licheng", null).body();
        assertThat(district.findValuesAsString("warningId")).containsExactly(shopYellow.warningId(), shopYellow.warningId());
        assertThat(call("GET", "/api/v1/escalations", "huangshi", null).body().findValuesAsString("warningId"))
                .doesNotContain(shopYellow.warningId());
        assertThat(call("GET", "/api/v1/escalations", "plant", null).status()).isEqualTo(403);
        JsonNode ladderOfShop = call("GET", "/api/v1/warnings/" + shopYellow.warningId() + "/escalations", "xindu", null).body();
        assertThat(ladderOfShop).hasSize(6);
        assertThat(call("GET", "/api/v1/warnings/" + shopYellow.warningId() + "/escalations", "huangshi", null).status())
                .isEqualTo(404);

        JsonNode towns = call("GET", "/api/v1/supervision/metrics?period=2026-05&level=TOWN", "licheng", null).body();
        assertThat(towns.findValuesAsString("unit")).containsExactly(Fixtures.HUANGSHI, Fixtures.XINDU);
        JsonNode huangshiOnly = call("GET", "/api/v1/supervision/rankings?period=2026-05&level=TOWN", "huangshi", null).body();
        assertThat(huangshiOnly.findValuesAsString("unit")).containsExactly(Fixtures.HUANGSHI);
        assertThat(huangshiOnly.get(0).get("warningSignInRate").asDouble()).isEqualTo(1.0);
        assertThat(call("GET", "/api/v1/supervision/metrics?period=2026-5", "licheng", null).status()).isEqualTo(400);

        HttpResponse<byte[]> xlsx = download("/api/v1/supervision/rankings.xlsx?period=2026-05&level=TOWN", "licheng");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheet("排名").getRow(2).getCell(1).getStringCellValue()).isEqualTo(Fixtures.HUANGSHI);
        }
        HttpResponse<byte[]> report = download("/api/v1/warnings/" + red.warningId() + "/report.pdf", "licheng");
        assertThat(report.statusCode()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(report.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains("预警处置反馈报告", "停机清灰，更换滤袋", "现场核查", Fixtures.HUANGSHI_PLANT_NAME);
        }
        assertThat(download("/api/v1/warnings/" + red.warningId() + "/report.pdf", "xindu").statusCode()).isEqualTo(404);

        JsonNode drawn = call("POST", "/api/v1/supervision/patrols?size=5", "huangshi", null).body();
        assertThat(drawn.findValuesAsString("uscc")).containsExactly(Fixtures.HUANGSHI_PLANT);
        String patrolId = drawn.get(0).get("patrolId").asString();
        assertThat(call("POST", "/api/v1/supervision/patrols/" + patrolId + "/items/" + Fixtures.HUANGSHI_PLANT, "xindu",
                "{\"result\":\"NORMAL\"}").status()).isEqualTo(404);
        JsonNode recorded = call("POST", "/api/v1/supervision/patrols/" + patrolId + "/items/" + Fixtures.HUANGSHI_PLANT,
                "huangshi", "{\"result\":\"ISSUE_FOUND\",\"remark\":\"视频离线\"}").body();
        assertThat(recorded.get(0).get("result").asString()).isEqualTo("ISSUE_FOUND");
        assertThat(recorded.get(0).get("checkedBy").asString()).isEqualTo("huangshi-duty");

        stack.clock.set(Instant.parse("2026-05-31T16:00:00Z"));               // 1 June 00:00 China time
        ladder.runOnce();
        HttpResponse<byte[]> circular = download("/api/v1/circulars/2026-05.pdf", "licheng");
        assertThat(circular.statusCode()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(circular.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains("警示通报（2026-05）", "新度铝镁抛光厂", "黄色预警").doesNotContain(Fixtures.HUANGSHI_PLANT_NAME);
        }
    }

    HttpResponse<byte[]> download(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    void publish(Alarm alarm) throws Exception {
        try (KafkaProducer<String, Alarm> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.getBrokersAsString()),
                Topics.ALARMS.keySerde().serializer(), Topics.ALARMS.valueSerde().serializer())) {
            producer.send(Topics.ALARMS.record(alarm.uscc(), alarm)).get();
        }
    }

    static List<DisposalEvent> disposalEvents(String alarmId, int expected) {
        List<DisposalEvent> seen = new ArrayList<>();
        try (KafkaConsumer<String, DisposalEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "alarm-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Topics.DISPOSAL_EVENTS.keySerde().deserializer(), Topics.DISPOSAL_EVENTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.DISPOSAL_EVENTS.name()));
            Instant until = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(until) && seen.size() < expected) {
                for (ConsumerRecord<String, DisposalEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    if (alarmId.equals(r.value().alarmId())) {
                        seen.add(r.value());
                    }
                }
            }
        }
        return seen;
    }

    Response call(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    record Response(int status, JsonNode body) {
    }
}
