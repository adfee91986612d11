package dustwatch.deploy;

import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topics;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import dustwatch.deploy.stack.Ports;
import dustwatch.deploy.stack.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin path through every service on real parts: a KRaft broker, PostgreSQL, Keycloak with the demo
 * realm, and the five services as processes from their exec jars, all driven through the gateway as a city
 * node, regulators and an enterprise user would drive them. Ports are the defaults shifted by 3000 (system property
 * {@code dustwatch.e2e.port-offset} to move them), so this
 * runs beside a developer's own stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Stack stack;
    static SimulatedEnterprise hongfu;
    static String warningId;
    static final List<String> lichengStream = new CopyOnWriteArrayList<>();
    static final List<String> xinduStream = new CopyOnWriteArrayList<>();
    /** The city node's trace of the excursion push (W3C trace context): followed to the warning and its notifications. */
    static final String TRACE_ID = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
            .putLong(0xe2e0_0000_0000_0000L | (System.nanoTime() & 0xffff_ffff_ffffL)).putLong(new java.util.Random().nextLong()).array());

    @BeforeAll
    static void startStack() {
        Path home = Path.of(System.getProperty("dustwatch.home", "..")).toAbsolutePath().normalize();
        stack = Stack.start(new Stack.Options(home, home.resolve("deploy/target/e2e-stack"), Ports.offset(Integer.getInteger("dustwatch.e2e.port-offset", 3000)),
                null, null, null), line -> System.out.println("[e2e] " + line));
        hongfu = SimulatedEnterprise.licheng().stream().filter(e -> e.handle().equals("hongfu")).findFirst().orElseThrow();
        assertThat(hongfu.regionCode()).as("fixture: a Huangshi wood plant").isEqualTo("350304101");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void withoutATokenThePushAndTheWarningsListAnswer401() throws Exception {
        assertThat(call("POST", "/api/v1/ingest/messages", null, Map.of("messages", List.of())).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/warnings", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aPushedHopperExcursionBecomesAYellowWarningForLicheng() throws Exception {
        openStream("licheng-duty", lichengStream);
        openStream("xindu-duty", xinduStream);
        await().atMost(Duration.ofSeconds(30)).until(() -> lichengStream.contains("event:ready") && xinduStream.contains("event:ready"));

        String node = TokenSource.clientCredentials(HTTP, stack.tokenEndpoint(), "putian-node", "putian-node-secret").token();
        var registered = call("PUT", "/api/v1/registry/enterprises/" + hongfu.uscc(), node, Messages.profile(hongfu));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

        Messages messages = new Messages(new java.util.Random(7));
        Instant start = Instant.now().minusSeconds(100);
        List<Map<String, Object>> excursion = new ArrayList<>();
        for (int i = 0; i <= 9; i++) {
            excursion.add(messages.realtime(hongfu, start.plusSeconds(10L * i), true));
        }
        var pushed = call("POST", "/api/v1/ingest/messages", node, Map.of("messages", excursion),
                "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(pushed.body()).path("accepted").asInt()).isEqualTo(10);

        String licheng = token("licheng-duty");
        JsonNode warning = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> warningsOf(licheng).stream().filter(w -> w.path("uscc").asString().equals(hongfu.uscc())).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        // the same burst of readings may upgrade it at once: settle, then take the open (not superseded) one
        Thread.sleep(5_000);
        warning = warningsOf(licheng).stream().filter(w -> w.path("uscc").asString().equals(hongfu.uscc()))
                .filter(w -> !w.path("state").asString().equals("SUPERSEDED")).findFirst().orElse(warning);
        // the 60 s high alarm gives YELLOW; the risk engine's rising-temperature rule may start on the same burst and
        // upgrade it to ORANGE at once (the newer warning supersedes): either is the hopper excursion
        assertThat(warning.path("colour").asString()).isIn("YELLOW", "ORANGE");
        assertThat(warning.path("state").asString()).isEqualTo("ISSUED");
        assertThat(warning.path("reason").asString()).contains("灰斗温度");
        warningId = warning.path("warningId").asString();
    }

    @Test
    @Order(3)
    void theLichengConsoleReceivesItAndTheXinduConsoleDoesNot() {
        await().atMost(Duration.ofSeconds(30)).until(() -> lichengStream.stream().anyMatch(l -> l.contains(warningId)));
        assertThat(xinduStream).as("xindu stream").noneMatch(l -> l.contains(hongfu.uscc()));
        assertThat(xinduStream).contains("event:ready");
    }

    @Test
    @Order(4)
    void scopeHoldsInTheWarningsApi() throws Exception {
        String xindu = token("xindu-duty");
        assertThat(warningsOf(xindu)).noneMatch(w -> w.path("uscc").asString().equals(hongfu.uscc()));
        assertThat(call("GET", "/api/v1/warnings/" + warningId, xindu, null).statusCode()).isEqualTo(404);
        String node = TokenSource.clientCredentials(HTTP, stack.tokenEndpoint(), "putian-node", "putian-node-secret").token();
        assertThat(call("GET", "/api/v1/warnings", node, null).statusCode()).as("a city node reads no warnings").isEqualTo(403);
    }

    @Test
    @Order(5)
    void theEnterpriseSignsInAndReportsAndTheDistrictClears() throws Exception {
        String licheng = token("licheng-duty");
        String enterprise = token("hongfu-safety");
        String base = "/api/v1/warnings/" + warningId;

        var early = call("POST", base + "/clear", licheng, Map.of("remark", "too early"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("ISSUED");

        assertThat(call("POST", base + "/sign-in", enterprise, Map.of()).statusCode()).isEqualTo(200);
        var feedback = call("POST", base + "/feedback", enterprise,
                Map.of("cause", "REAL_HAZARD", "measures", "停机清灰，检查灰斗积尘与卸灰阀，温度已回落至 35 ℃"));
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
        assertThat(call("POST", base + "/clear", enterprise, Map.of("remark", "self")).statusCode())
                .as("an enterprise cannot clear its own warning").isEqualTo(403);

        var cleared = call("POST", base + "/clear", licheng, Map.of("remark", "视频核查：已停机清灰，温度正常"));
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        JsonNode detail = Json.MAPPER.readTree(call("GET", base, licheng, null).body());
        assertThat(detail.path("state").asString()).isEqualTo("CLEARED");
        List<String> actions = StreamSupport.stream(detail.path("timeline").spliterator(), false)
                .map(e -> e.path("action").asString()).toList();
        assertThat(actions).containsSubsequence("SIGN_IN", "FEEDBACK", "CLEAR");
        assertThat(actions.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(6)
    void theReadingsAreStoredInPostgresql() throws Exception {
        String licheng = token("licheng-duty");
        JsonNode readings = await().atMost(Duration.ofSeconds(30)).until(
                () -> Json.MAPPER.readTree(call("GET", "/api/v1/readings?uscc=" + hongfu.uscc() + "&limit=200", licheng, null).body()),
                node -> node.isArray() && node.size() >= 10);
        assertThat(readings.toString()).contains("DRY_HOPPER_TEMP");
        try (var c = java.sql.DriverManager.getConnection(stack.database().jdbcUrl(), stack.database().user(), stack.database().password());
             var s = c.prepareStatement("select count(*) from ingest.reading where uscc = ? and param_code = 'DRY_HOPPER_TEMP' and value >= 70")) {
            s.setString(1, hongfu.uscc());
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(10);
            }
        }
    }

    @Test
    @Order(7)
    void hydrogenSentForADryOnlyPlantIsRefusedAndRaisesNothing() throws Exception {
        // the false RED of the issue: WET_H2 = 1230 %LEL on 鸿福红木家具, which has only a dry bag collector
        String node = TokenSource.clientCredentials(HTTP, stack.tokenEndpoint(), "putian-node", "putian-node-secret").token();
        String collector = hongfu.uscc() + "-DC001";
        String now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("msgId", "e2e-h2-" + System.nanoTime());
        message.put("msgType", "REALTIME");
        message.put("enterpriseCode", hongfu.uscc());
        message.put("gatewayCode", hongfu.uscc() + "-GW01");
        message.put("sendTime", now);
        message.put("collectTime", now);
        message.put("points", List.of(Map.of("pointCode", collector + "-WET_H2", "value", 1230, "unit", "%LEL", "quality", 0)));
        var pushed = call("POST", "/api/v1/ingest/messages", node, Map.of("messages", List.of(message)));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(422);
        JsonNode reason = Json.MAPPER.readTree(pushed.body()).path("rejected").path(0).path("reasons").path(0);
        assertThat(reason.path("code").asString()).isEqualTo("PARAMETER_NOT_FOR_COLLECTOR");
        assertThat(reason.path("field").asString()).isEqualTo("points[0].pointCode");

        String licheng = token("licheng-duty");
        Thread.sleep(15_000);
        assertThat(warningsOf(licheng)).filteredOn(w -> w.path("uscc").asString().equals(hongfu.uscc()))
                .as("no RED and nothing about hydrogen for the dry plant")
                .allSatisfy(w -> {
                    assertThat(w.path("colour").asString()).isNotEqualTo("RED");
                    assertThat(w.path("reason").asString()).doesNotContain("氢").doesNotContain("WET_H2");
                });
        assertThat(lichengStream).noneMatch(l -> l.contains("\"RED\"") && l.contains(hongfu.uscc()));
        try (var c = java.sql.DriverManager.getConnection(stack.database().jdbcUrl(), stack.database().user(), stack.database().password());
             var s = c.prepareStatement("select count(*) from ingest.reading where uscc = ? and param_code = 'WET_H2'")) {
            s.setString(1, hongfu.uscc());
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    @Order(8)
    void aGatewayUsingTheNationalSm4EnvelopeIsHeardThroughTheGatewayWithoutAToken() throws Exception {
        String key = "0123456789abcdeffedcba9876543210";
        String iv = "00112233445566778899aabbccddeeff";
        var provisioned = call("PUT", "/api/v1/registry/node-apps/putian-e2e", token("putian-duty"),
                Map.of("regionCode", "350300", "appSecret", "e2e-app-secret", "key", key, "iv", iv));
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(200);
        String now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        byte[] heartbeat = Json.MAPPER.writeValueAsBytes(Map.of("msgId", "e2e-env-" + System.nanoTime(), "msgType", "HEARTBEAT",
                "enterpriseCode", hongfu.uscc(), "gatewayCode", hongfu.uscc() + "-GW01", "sendTime", now));
        var cipher = new org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher(
                org.bouncycastle.crypto.modes.CBCBlockCipher.newInstance(new org.bouncycastle.crypto.engines.SM4Engine()),
                new org.bouncycastle.crypto.paddings.PKCS7Padding());
        cipher.init(true, new org.bouncycastle.crypto.params.ParametersWithIV(
                new org.bouncycastle.crypto.params.KeyParameter(java.util.HexFormat.of().parseHex(key)),
                java.util.HexFormat.of().parseHex(iv)));
        byte[] out = new byte[cipher.getOutputSize(heartbeat.length)];
        int n = cipher.processBytes(heartbeat, 0, heartbeat.length, out, 0);
        n += cipher.doFinal(out, n);
        String data = java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(out, n));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/ingest/envelope"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("appsecret", "e2e-app-secret")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("appid", "putian-e2e", "data", data))))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(answer.body()).path("appid").asString()).isEqualTo("putian-e2e");
        HttpRequest wrong = HttpRequest.newBuilder(request.uri()).header("Content-Type", "application/json")
                .header("appsecret", "guess").POST(HttpRequest.BodyPublishers.ofString(
                        Json.MAPPER.writeValueAsString(Map.of("appid", "putian-e2e", "data", data)))).build();
        HttpResponse<String> refused = HTTP.send(wrong, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(refused.body()).path("code").asString()).isEqualTo("APP_AUTH_FAILED");
    }

    @Test
    @Order(9)
    void theGatewaysApiDocsListEveryEndpointOfEveryServiceAndTimesAreChinaTime() throws Exception {
        HttpResponse<String> merged = call("GET", "/v3/api-docs", null, null);
        assertThat(merged.statusCode()).as("public, no token").isEqualTo(200);
        JsonNode gatewayDocs = Json.MAPPER.readTree(merged.body());
        assertThat(gatewayDocs.has("x-dustwatch-unavailable")).as(merged.body()).isFalse();
        assertThat(gatewayDocs.has("x-dustwatch-unrouted")).as("every documented path is routed").isFalse();
        Ports ports = stack.options().ports();
        java.util.Set<String> union = new java.util.TreeSet<>();
        for (int port : List.of(ports.ingest(), ports.risk(), ports.alert(), ports.disposal())) {
            HttpResponse<String> own = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).as("service on " + port).isEqualTo(200);
            union.addAll(operations(Json.MAPPER.readTree(own.body())));
        }
        assertThat(operations(gatewayDocs)).isEqualTo(union).contains("POST /api/v1/ingest/messages",
                "PUT /api/v1/registry/enterprises/{uscc}", "GET /api/v1/risk/enterprises/{uscc}",
                "GET /api/v1/alerts/stream", "POST /api/v1/warnings/{id}/clear");
        assertThat(gatewayDocs.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");

        JsonNode warning = warningsOf(token("licheng-duty")).stream()
                .filter(w -> w.path("warningId").asString().equals(warningId)).findFirst().orElseThrow();
        assertThat(warning.path("issuedAt").asString()).as("China time, not UTC").endsWith("+08:00");
        assertThat(warning.path("clearDeadline").asString()).endsWith("+08:00");
    }

    @Test
    @Order(10)
    void theTraceOfThePushFollowsTheReadingToTheWarningAndItsNotificationsAndIsInAlertServicesLog() throws Exception {
        // (a) the Kafka hops: ingest's records, the risk engine's alarm and warning, alert-service's notifications
        String ours = "00-" + TRACE_ID + "-[0-9a-f]{16}-01";
        assertThat(traceparents(Topics.READINGS.name(), hongfu.uscc())).as("ingest → dust.realtime").isNotEmpty().allMatch(t -> t.matches(ours));
        assertThat(traceparents(Topics.ALARMS.name(), hongfu.uscc())).as("risk-engine → dust.alarm").anyMatch(t -> t.matches(ours));
        assertThat(traceparents(Topics.WARNINGS.name(), hongfu.uscc())).as("risk-engine → dust.warning").anyMatch(t -> t.matches(ours));
        assertThat(traceparents(Topics.NOTIFICATIONS.name(), hongfu.uscc())).as("alert-service → dust.notifications").anyMatch(t -> t.matches(ours));
        // (b) alert-service logged its routing of the warning with the push's trace id (Boot's correlation pattern)
        Path log = stack.options().dataDir().resolve("logs/alert-service.log");
        List<String> lines = java.nio.file.Files.readAllLines(log);
        assertThat(lines).as(log.toString()).anyMatch(l -> l.contains(TRACE_ID) && l.contains("routed to"));
        assertThat(java.nio.file.Files.readAllLines(stack.options().dataDir().resolve("logs/risk-engine.log")))
                .as("risk-engine's warning line").anyMatch(l -> l.contains(TRACE_ID) && l.contains(" warning "));
        assertThat(java.nio.file.Files.readAllLines(stack.options().dataDir().resolve("logs/disposal-service.log")))
                .as("disposal-service opening the warning").anyMatch(l -> l.contains(TRACE_ID) && l.contains(") opened"));
    }

    /** The {@code traceparent} headers of the committed records keyed {@code key} on {@code topic}, from the start. */
    static List<String> traceparents(String topic, String key) {
        Map<String, Object> config = Map.of("bootstrap.servers", stack.kafkaBootstrapServers(), "isolation.level", "read_committed",
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName(),
                "value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(config)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var header = record.headers().lastHeader("traceparent");
                    if (key.equals(record.key())) {
                        found.add(header == null ? "none" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return found;
    }

    /** {@code "GET /api/v1/warnings/{id}"} for every operation of an OpenAPI document. */
    static java.util.Set<String> operations(JsonNode apiDocs) {
        java.util.Set<String> operations = new java.util.TreeSet<>();
        apiDocs.path("paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    static List<JsonNode> warningsOf(String token) throws Exception {
        var response = call("GET", "/api/v1/warnings", token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        JsonNode items = body.isArray() ? body : body.path("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    static String token(String user) {
        return TokenSource.password(HTTP, stack.tokenEndpoint(), user, "dustwatch").token();
    }

    static void openStream(String user, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "text/event-stream").GET().build();
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(line -> lines.add(line.replace("event: ", "event:"))));
    }

    static HttpResponse<String> call(String method, String path, String token, Object body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
