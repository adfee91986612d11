package dustwatch.disposal.alarm;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.disposal.StackForTests;
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
