package dustwatch.deploy;

import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import dustwatch.deploy.stack.Ports;
import dustwatch.deploy.stack.Stack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The escalation ladder (issue 7, "deadlines that bite") on the real stack, with deadlines shortened through
 * disposal-service's configuration ({@code SPRING_APPLICATION_JSON}, nothing in code): a warning left alone gets
 * the supervision notice (督办) for sign-in and for feedback, then on-site supervision (现场督办), then the
 * enforcement list (执法), each exactly once although disposal-service is stopped and started again in the middle
 * of the ladder; the tier above the verifying tier sees the steps; a warning signed in, fed back and cleared just
 * before its deadlines never escalates. Port offset: {@code dustwatch.e2e.port-offset} (default 3000), like
 * {@link EndToEndIT}, which runs before or after it, never beside it.
 */
class DisposalLadderIT {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // from the issue time: sign-in 30 s, feedback 40 s, verify and clear 60 s, enforcement 30 s after the clear deadline
    static final String LIMITS = "{\"sign-in\":\"30s\",\"feedback\":\"40s\",\"verify\":\"60s\",\"clear\":\"60s\",\"calendar\":\"CONTINUOUS\"}";
    static final String SHORT_DEADLINES = "{\"dustwatch\":{\"disposal\":{\"time-limits\":{\"YELLOW\":" + LIMITS
            + ",\"ORANGE\":" + LIMITS + "},\"escalation\":{\"tick-interval\":\"1s\",\"enforcement-after\":\"30s\"}}}}";
    static Stack stack;

    @BeforeAll
    static void startStack() {
        Path home = Path.of(System.getProperty("dustwatch.home", "..")).toAbsolutePath().normalize();
        stack = Stack.start(new Stack.Options(home, home.resolve("deploy/target/ladder-stack"),
                        Ports.offset(Integer.getInteger("dustwatch.e2e.port-offset", 3000)), null, null, null),
                Map.of("disposal-service", Map.of("SPRING_APPLICATION_JSON", SHORT_DEADLINES)),
                line -> System.out.println("[ladder] " + line));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aWarningLeftAloneClimbsTheLadderOnceEvenAcrossARestartAndOneClearedInTimeNeverEscalates() throws Exception {
        List<SimulatedEnterprise> licheng = SimulatedEnterprise.licheng();
        SimulatedEnterprise hongfu = licheng.stream().filter(e -> e.handle().equals("hongfu")).findFirst().orElseThrow();
        SimulatedEnterprise hongyuan = licheng.stream().filter(e -> e.handle().equals("hongyuan")).findFirst().orElseThrow();
        String node = TokenSource.clientCredentials(HTTP, stack.tokenEndpoint(), "putian-node", "putian-node-secret").token();
        Messages messages = new Messages(new java.util.Random(11));
        Instant start = Instant.now().minusSeconds(100);
        for (SimulatedEnterprise e : List.of(hongfu, hongyuan)) {
            var registered = call("PUT", "/api/v1/registry/enterprises/" + e.uscc(), node, Messages.profile(e));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        }
        List<Map<String, Object>> excursion = new ArrayList<>();
        for (int i = 0; i <= 9; i++) {
            excursion.add(messages.realtime(hongfu, start.plusSeconds(10L * i), true));
            excursion.add(messages.realtime(hongyuan, start.plusSeconds(10L * i), true));
        }
        var pushed = call("POST", "/api/v1/ingest/messages", node, Map.of("messages", excursion));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);

        String district = token("licheng-duty");
        JsonNode alone = openWarningOf(district, hongfu.uscc());
        JsonNode onTime = openWarningOf(district, hongyuan.uscc());
        String aloneId = alone.path("warningId").asString();
        String onTimeId = onTime.path("warningId").asString();

        // the one handled in time: signed in and fed back at once, cleared just before its clear deadline
        String enterprise = token("hongyuan-safety");
        String base = "/api/v1/warnings/" + onTimeId;
        assertThat(call("POST", base + "/sign-in", enterprise, Map.of()).statusCode()).isEqualTo(200);
        var feedback = call("POST", base + "/feedback", enterprise, Map.of("cause", "PROCESS_FLUCTUATION",
                "measures", "调整喂料量，清理灰斗，温度回落"));
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
        Instant clearDeadline = java.time.OffsetDateTime.parse(
                detail(district, onTimeId).path("clearDeadline").asString()).toInstant();
        assertThat(Duration.between(Instant.now(), clearDeadline)).as("time left to clear it in time").isPositive();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), clearDeadline.minusMillis(1500)).toMillis()));
        var cleared = call("POST", base + "/clear", district, Map.of("remark", "视频核查：温度正常", "reviewMode", "REMOTE"));
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        Instant clearedAt = atOf(detail(district, onTimeId), "CLEAR");
        assertThat(clearedAt).as("cleared just before the deadline %s", clearDeadline)
                .isBefore(clearDeadline).isAfter(clearDeadline.minusSeconds(4));

        // the one left alone: its first two steps (sign-in and feedback 督办) fired before the restart
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> states(district, aloneId), s -> "FIRED".equals(s.get("FEEDBACK_OVERDUE")));
        Map<String, String> before = states(district, aloneId);
        assertThat(before).containsEntry("SIGN_IN_OVERDUE", "FIRED").containsEntry("ENFORCEMENT", "PENDING");

        stack.stop("disposal-service");
        stack.restart("disposal-service", Duration.ofSeconds(180));

        // after the restart: on-site supervision and the enforcement list, nothing repeated
        Map<String, String> after = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> states(district, aloneId), s -> "FIRED".equals(s.get("ENFORCEMENT")));
        assertThat(after).containsEntry("SIGN_IN_OVERDUE", "FIRED").containsEntry("FEEDBACK_OVERDUE", "FIRED")
                .containsEntry("VERIFY_OVERDUE", "MOOT").containsEntry("CLEAR_OVERDUE", "FIRED")
                .containsEntry("CIRCULAR", "PENDING");
        Thread.sleep(3_000); // a few more ticks: still nothing repeated
        JsonNode aloneDetail = detail(district, aloneId);
        Map<String, Integer> steps = new HashMap<>();
        StreamSupport.stream(aloneDetail.path("timeline").spliterator(), false)
                .forEach(e -> steps.merge(e.path("action").asString(), 1, Integer::sum));
        assertThat(steps).containsEntry("SUPERVISION_NOTICE", 2).containsEntry("ONSITE_SUPERVISION", 1)
                .containsEntry("ENFORCEMENT_LISTED", 1).doesNotContainKey("CIRCULAR_LISTED");
        String targetTier = StreamSupport.stream(aloneDetail.path("timeline").spliterator(), false)
                .filter(e -> e.path("action").asString().equals("SUPERVISION_NOTICE"))
                .map(e -> e.path("targetTier").asString()).findFirst().orElseThrow();
        // the notice goes to the tier above the verifier (YELLOW: town → district; ORANGE: district → city)
        assertThat(targetTier).isEqualTo(alone.path("colour").asString().equals("YELLOW") ? "DISTRICT" : "CITY");

        // the tier above sees it in its escalation list, the enterprise's own town-mate tier of another town does not
        String above = token(targetTier.equals("DISTRICT") ? "licheng-duty" : "putian-duty");
        List<JsonNode> seen = escalations(above).stream().filter(s -> s.path("warningId").asString().equals(aloneId)).toList();
        assertThat(seen).extracting(s -> s.path("rule").asString())
                .containsExactlyInAnyOrder("SIGN_IN_OVERDUE", "FEEDBACK_OVERDUE", "CLEAR_OVERDUE", "ENFORCEMENT");
        assertThat(escalations(token("xindu-duty"))).noneMatch(s -> s.path("warningId").asString().equals(aloneId));
        assertThat(call("GET", "/api/v1/escalations", token("hongfu-safety"), null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/escalations?action=ENFORCEMENT_LISTED", above, null).body()).contains(aloneId);

        // on Kafka for the alert service: one disposal event per step (distinct event ids; the outbox is at-least-once)
        Map<String, Set<String>> onKafka = disposalEventIds(aloneId);
        assertThat(onKafka.get("SUPERVISION_NOTICE")).hasSize(2);
        assertThat(onKafka.get("ONSITE_SUPERVISION")).hasSize(1);
        assertThat(onKafka.get("ENFORCEMENT_LISTED")).hasSize(1);

        // the one cleared in time: every rung decided MOOT (the circular is decided next month), no step anywhere
        Map<String, String> onTimeStates = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> states(district, onTimeId), s -> "MOOT".equals(s.get("ENFORCEMENT")));
        assertThat(onTimeStates).doesNotContainValue("FIRED").containsEntry("CLEAR_OVERDUE", "MOOT")
                .containsEntry("SIGN_IN_OVERDUE", "MOOT").containsEntry("FEEDBACK_OVERDUE", "MOOT");
        assertThat(StreamSupport.stream(detail(district, onTimeId).path("timeline").spliterator(), false)
                .map(e -> e.path("action").asString()).toList())
                .doesNotContain("SUPERVISION_NOTICE", "ONSITE_SUPERVISION", "ENFORCEMENT_LISTED", "CIRCULAR_LISTED");
        assertThat(escalations(district)).noneMatch(s -> s.path("warningId").asString().equals(onTimeId));
        assertThat(disposalEventIds(onTimeId)).doesNotContainKeys("SUPERVISION_NOTICE", "ONSITE_SUPERVISION", "ENFORCEMENT_LISTED");
    }

    /** The enterprise's open (not superseded) warning, once the burst of readings has settled. */
    static JsonNode openWarningOf(String token, String uscc) throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> warnings(token).stream().anyMatch(w -> w.path("uscc").asString().equals(uscc)));
        Thread.sleep(3_000);
        return warnings(token).stream().filter(w -> w.path("uscc").asString().equals(uscc))
                .filter(w -> !w.path("state").asString().equals("SUPERSEDED")).findFirst().orElseThrow();
    }

    /** Rule → timer state of one warning's ladder. */
    static Map<String, String> states(String token, String warningId) throws Exception {
        var response = call("GET", "/api/v1/warnings/" + warningId + "/escalations", token, null);
        if (response.statusCode() != 200) {
            return Map.of(); // disposal-service restarting
        }
        Map<String, String> states = new HashMap<>();
        Json.MAPPER.readTree(response.body()).forEach(t -> states.put(t.path("rule").asString(), t.path("state").asString()));
        return states;
    }

    static Instant atOf(JsonNode detail, String action) {
        return StreamSupport.stream(detail.path("timeline").spliterator(), false)
                .filter(e -> e.path("action").asString().equals(action))
                .map(e -> java.time.OffsetDateTime.parse(e.path("at").asString()).toInstant()).findFirst().orElseThrow();
    }

    static JsonNode detail(String token, String warningId) throws Exception {
        var response = call("GET", "/api/v1/warnings/" + warningId, token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    static List<JsonNode> escalations(String token) throws Exception {
        var response = call("GET", "/api/v1/escalations", token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(Json.MAPPER.readTree(response.body()).spliterator(), false).toList();
    }

    static List<JsonNode> warnings(String token) throws Exception {
        var response = call("GET", "/api/v1/warnings", token, null);
        if (response.statusCode() != 200) {
            return List.of();
        }
        JsonNode body = Json.MAPPER.readTree(response.body());
        JsonNode items = body.isArray() ? body : body.path("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    /** Action → distinct event ids of the disposal events about one warning on {@code dust.disposal-events}. */
    static Map<String, Set<String>> disposalEventIds(String warningId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "ladder-it-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Set<String>> byAction = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DISPOSAL_EVENTS.name()));
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            int empty = 0;
            while (System.nanoTime() < end && empty < 3) {
                var records = consumer.poll(Duration.ofSeconds(1));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    empty++;
                }
                for (var r : records) {
                    JsonNode event = Json.MAPPER.readTree(r.value());
                    if (event.path("warningId").asString().equals(warningId)) {
                        byAction.computeIfAbsent(event.path("action").asString(), a -> new HashSet<>())
                                .add(event.path("eventId").asString());
                    }
                }
            }
        }
        return byAction;
    }

    static String token(String user) {
        return TokenSource.password(HTTP, stack.tokenEndpoint(), user, "dustwatch").token();
    }

    static HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
