package dustwatch.console.e2e;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.stack.Ports;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import dustwatch.deploy.simulator.TokenSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, through the gateway on the real stack with real Keycloak tokens: endpoints of today's
 * APIs (reads, the city node's writes, the stream, closed actuator endpoints on the gateway and on every
 * service's own port) × every kind of caller, with the status each must get. Every endpoint the gateway's
 * merged OpenAPI document lists is a row or named in {@link #NOT_IN_MATRIX} with its reason. A refused answer must be {@code application/problem+json} with a
 * {@code type}. Reads use the 鸿福 warning the browser test raised (Huangshi, 黄石镇).
 * Callers: province, city, district, the enterprise's town, another town, the enterprise, another enterprise,
 * the city node, no token, a token whose signature was tampered with, a token of another issuer (Keycloak's
 * master realm).
 * <p>Besides the rows below, every file {@code src/test/resources/access-matrix/*.tsv} adds rows and exclusions
 * (one file per feature, so that features added in parallel merge without conflict; format in that folder's
 * README.md): {@code ROW<TAB>method<TAB>template<TAB>path<TAB>body<TAB>11 statuses} and
 * {@code SKIP<TAB>method<TAB>template<TAB>reason}. In {@code path}, {@code {uscc}} is 鸿福's USCC,
 * {@code {warningId}} the 鸿福 warning and {@code {alarmId}} an alarm of 鸿福 the district lists.
 */
@Order(2)
class AccessMatrixIT {
    static final List<String> CALLERS = List.of("province", "city", "district", "town", "other-town", "enterprise",
            "other-enterprise", "city-node", "no-token", "tampered", "other-issuer");

    static SimulatedEnterprise hongfu;
    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void tokens() throws Exception {
        SharedStack.start();
        hongfu = SimulatedEnterprise.licheng().stream().filter(e -> e.handle().equals("hongfu")).findFirst().orElseThrow();
        Map<String, String> users = Map.of("province", "fujian-duty", "city", "putian-duty", "district", "licheng-duty",
                "town", "huangshi-duty", "other-town", "xindu-duty", "enterprise", "hongfu-safety",
                "other-enterprise", "dongxing-safety");
        users.forEach((caller, user) -> TOKENS.put(caller,
                TokenSource.password(SharedStack.HTTP, SharedStack.tokenEndpoint(), user, "dustwatch").token()));
        TOKENS.put("city-node", TokenSource.clientCredentials(SharedStack.HTTP, SharedStack.tokenEndpoint(), "putian-node",
                "putian-node-secret").token());
        String district = TOKENS.get("district");
        TOKENS.put("tampered", district.substring(0, district.length() - 6) + (district.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"));
        TOKENS.put("other-issuer", masterRealmToken());
    }

    /** A genuine token of the same Keycloak but another realm (master, its admin via admin-cli): another issuer. */
    static String masterRealmToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        SharedStack.issuer().replace("/realms/dustwatch", "/realms/master") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build();
        HttpResponse<String> response = SharedStack.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).path("access_token").asString();
    }

    /**
     * One endpoint: method, its path template as the gateway's OpenAPI document names it (null for a call on a
     * service's own port, which that document does not list), the path called (a full URL on a service's port),
     * body (or null), then the expected status for each of {@link #CALLERS}.
     */
    record Row(String method, String template, String path, Object body, int... expected) {
    }

    List<Row> matrix(String warningId) {
        return matrix(warningId, "ALARM");
    }

    List<Row> matrix(String warningId, String alarmId) {
        String u = hongfu.uscc();
        Map<String, Object> heartbeat = new Messages(new Random(3)).heartbeat(hongfu, Instant.now());
        List<Row> rows = new ArrayList<>(List.of(
                //                                                                prov city dist town oTwn ent  oEnt node none tamp oIss
                new Row("GET", "/api/v1/warnings", "/api/v1/warnings", null,           200, 200, 200, 200, 200, 200, 200, 403, 401, 401, 401),
                new Row("GET", "/api/v1/warnings/{id}", "/api/v1/warnings/" + warningId, null,
                                                                                       200, 200, 200, 200, 404, 200, 404, 403, 401, 401, 401),
                new Row("GET", "/api/v1/risk/enterprises/{uscc}", "/api/v1/risk/enterprises/" + u, null,
                                                                                       200, 200, 200, 200, 404, 200, 404, 403, 401, 401, 401),
                new Row("GET", "/api/v1/readings", "/api/v1/readings?uscc=" + u + "&limit=5", null,
                                                                                       200, 200, 200, 200, 404, 200, 404, 403, 401, 401, 401),
                new Row("GET", "/api/v1/registry/enterprises", "/api/v1/registry/enterprises", null,
                                                                                       200, 200, 200, 200, 200, 200, 200, 403, 401, 401, 401),
                new Row("PUT", "/api/v1/registry/enterprises/{uscc}", "/api/v1/registry/enterprises/" + u, Messages.profile(hongfu),
                                                                                       403, 403, 403, 403, 403, 403, 403, 200, 401, 401, 401),
                new Row("POST", "/api/v1/ingest/messages", "/api/v1/ingest/messages", Map.of("messages", List.of(heartbeat)),
                                                                                       403, 403, 403, 403, 403, 403, 403, 202, 401, 401, 401),
                new Row("GET", "/api/v1/alerts/stream", "/api/v1/alerts/stream", null, 200, 200, 200, 200, 200, 200, 200, 403, 401, 401, 401),
                // lists are scoped (another town or enterprise sees its own, possibly empty, list)
                new Row("GET", "/api/v1/alarms", "/api/v1/alarms", null,               200, 200, 200, 200, 200, 200, 200, 403, 401, 401, 401),
                new Row("GET", "/api/v1/registry/node-apps", "/api/v1/registry/node-apps", null,
                                                                                       200, 200, 200, 200, 200, 200, 200, 403, 401, 401, 401),
                // regulators only
                new Row("GET", "/api/v1/escalations", "/api/v1/escalations", null,     200, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401),
                new Row("GET", "/api/v1/circulars/{month}.pdf", "/api/v1/circulars/2026-11.pdf", null,
                                                                                       200, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401),
                new Row("GET", "/api/v1/supervision/metrics", "/api/v1/supervision/metrics?period=2026-11", null,
                                                                                       200, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401),
                new Row("GET", "/api/v1/supervision/rankings", "/api/v1/supervision/rankings?period=2026-11&level=TOWN", null,
                                                                                       200, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401),
                new Row("GET", "/api/v1/supervision/rankings.xlsx", "/api/v1/supervision/rankings.xlsx?period=2026-11", null,
                                                                                       200, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401),
                // one warning's escalation rungs, its feedback report, the enterprise's whole status, one alarm: in scope only
                new Row("GET", "/api/v1/warnings/{id}/escalations", "/api/v1/warnings/" + warningId + "/escalations", null,
                                                                                       200, 200, 200, 200, 404, 200, 404, 403, 401, 401, 401),
                new Row("GET", "/api/v1/warnings/{id}/report.pdf", "/api/v1/warnings/" + warningId + "/report.pdf", null,
                                                                                       200, 200, 200, 200, 404, 200, 404, 403, 401, 401, 401),
                new Row("GET", "/api/v1/risk/enterprises/{uscc}/status", "/api/v1/risk/enterprises/" + u + "/status", null,
                                                                                       200, 200, 200, 200, 404, 200, 404, 403, 401, 401, 401),
                new Row("GET", "/api/v1/alarms/{id}", "/api/v1/alarms/" + alarmId, null,
                                                                                       200, 200, 200, 200, 404, 200, 404, 403, 401, 401, 401),
                // the gateway exposes no actuator endpoint but health: 404 to any valid token
                new Row("GET", null, "/actuator/metrics", null,                        404, 404, 404, 404, 404, 404, 404, 404, 401, 401, 401),
                new Row("GET", null, "/actuator/env", null,                            404, 404, 404, 404, 404, 404, 404, 404, 401, 401, 401)));
        // each service on its own port: actuator endpoints other than health are closed to every user
        Ports ports = SharedStack.ports();
        for (int port : List.of(ports.ingest(), ports.risk(), ports.alert(), ports.disposal())) {
            for (String endpoint : List.of("/actuator/metrics", "/actuator/env")) {
                rows.add(new Row("GET", null, "http://localhost:" + port + endpoint, null,
                                                                                       403, 403, 403, 403, 403, 403, 403, 403, 401, 401, 401));
            }
        }
        for (MatrixFiles.Line line : MatrixFiles.read()) {
            if (line.expected() != null) {
                rows.add(new Row(line.method(), line.template(), line.path()
                        .replace("{uscc}", u).replace("{warningId}", warningId).replace("{alarmId}", alarmId),
                        line.body(), line.expected()));
            }
        }
        return rows;
    }

    /** {@link #NOT_IN_MATRIX} and the SKIP lines of the feature files. */
    static Map<String, String> exclusions() {
        Map<String, String> all = new java.util.TreeMap<>(NOT_IN_MATRIX);
        for (MatrixFiles.Line line : MatrixFiles.read()) {
            if (line.expected() == null) {
                all.putIfAbsent(line.method() + " " + line.template(), line.reason());
            }
        }
        return all;
    }

    /**
     * Endpoints of the gateway's OpenAPI document this matrix does not call, each with the reason. Any other
     * endpoint the document lists and no row names fails {@link #theMatrixListsEveryEndpoint()}.
     */
    static final Map<String, String> NOT_IN_MATRIX = Map.ofEntries(
            Map.entry("POST /api/v1/ingest/envelope", "public by design: the national SM4 envelope, authenticated by appid + appsecret, not by a token"),
            Map.entry("GET /api/v1/supervision/patrols/{id}", "not yet a matrix row: needs an id of a record the test does not create"),
            Map.entry("POST /api/v1/alarms/{id}/feedback", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("POST /api/v1/alarms/{id}/sign-in", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("POST /api/v1/registry/imports", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("POST /api/v1/supervision/patrols", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("POST /api/v1/supervision/patrols/{id}/items/{uscc}", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("POST /api/v1/warnings/{id}/clear", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("POST /api/v1/warnings/{id}/feedback", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("POST /api/v1/warnings/{id}/reject", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("POST /api/v1/warnings/{id}/sign-in", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("PUT /api/v1/registry/admin/enterprises/{uscc}", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"),
            Map.entry("PUT /api/v1/registry/node-apps/{appId}", "not yet a matrix row: a state-changing write (calling it as 11 callers changes the data the other rows read)"));

    @Test
    void theMatrixListsEveryEndpoint() throws Exception {
        java.util.Set<String> listed = new java.util.TreeSet<>();
        for (Row row : matrix("x")) {
            if (row.template() != null) {
                listed.add(row.method() + " " + row.template());
            }
        }
        // a ROW wins over a SKIP of the same endpoint (two features may both name it)
        Map<String, String> excluded = exclusions();
        excluded.keySet().removeAll(listed);
        listed.addAll(excluded.keySet());
        // the gateway leaves out a service whose document is not there within its time limit (a service's first
        // document can take seconds to build): read until two answers in a row agree
        java.util.Set<String> documented = apiDocs();
        for (int attempt = 0; attempt < 6; attempt++) {
            Thread.sleep(2000);
            java.util.Set<String> again = apiDocs();
            if (again.equals(documented)) {
                break;
            }
            documented = again;
        }
        assertThat(documented).as("the gateway documents endpoints").isNotEmpty();
        java.util.Set<String> missing = new java.util.TreeSet<>(documented);
        missing.removeAll(listed);
        java.util.Set<String> stale = new java.util.TreeSet<>(listed);
        stale.removeAll(documented);
        System.out.println("[access-matrix] the gateway documents " + documented.size() + " endpoints; "
                + (documented.size() - excluded.size()) + " in the matrix; excluded: " + excluded);
        assertThat(missing).as("endpoints the access matrix does not list (add a ROW or a SKIP with its reason in src/test/resources/access-matrix/<feature>.tsv)").isEmpty();
        assertThat(stale).as("matrix rows or exclusions of endpoints the gateway no longer documents").isEmpty();
    }

    /** The endpoints ("GET /api/v1/…") of the gateway's merged OpenAPI document. */
    static java.util.Set<String> apiDocs() throws Exception {
        HttpResponse<String> docs = SharedStack.HTTP.send(HttpRequest.newBuilder(URI.create(SharedStack.gatewayUrl() + "/v3/api-docs"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        java.util.Set<String> documented = new java.util.TreeSet<>();
        Json.MAPPER.readTree(docs.body()).path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                documented.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return documented;
    }

    @Test
    void everyCallerGetsExactlyItsStatusOnEveryEndpoint() throws Exception {
        // the browser test's warning, or one named by dustwatch.e2e.warning-id, or one this test raises
        String warningId = SharedStack.clearedWarningId != null ? SharedStack.clearedWarningId
                : System.getProperty("dustwatch.e2e.warning-id");
        if (warningId == null) {
            warningId = raiseWarning();
        }
        assertThat(warningId).as("a warning of 鸿福 to read").isNotNull();
        String alarmId = alarmOfHongfu();
        List<String> wrong = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        Map<String, Long> slowestByCaller = new LinkedHashMap<>();
        int cells = 0;
        List<Row> rows = matrix(warningId, alarmId);
        for (Row row : rows) {
            assertThat(row.expected()).hasSize(CALLERS.size());
            for (int i = 0; i < CALLERS.size(); i++) {
                cells++;
                String caller = CALLERS.get(i);
                String label = row.method() + " " + row.path() + " as " + caller;
                Answer response;
                long t0 = System.nanoTime();
                try {
                    response = call(row, TOKENS.get(caller));
                } catch (java.io.IOException e) {
                    wrong.add(label + ": no answer after " + (System.nanoTime() - t0) / 1_000_000 + " ms (" + e + "); "
                            + "the same call at once on a new connection: " + retryOnNewConnection(row, TOKENS.get(caller)));
                    continue;
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                slowestByCaller.merge(caller, ms, Math::max);
                if (ms > 2000) {
                    slow.add(label + ": " + ms + " ms");
                }
                if (response.status() != row.expected()[i]) {
                    wrong.add(label + ": expected " + row.expected()[i] + ", got " + response.status() + " " + response.body());
                } else if (response.status() >= 400 && !(response.contentType().startsWith("application/problem+json")
                        && response.body().contains("\"type\""))) {
                    wrong.add(label + ": " + response.status() + " is not a problem with a type: " + response.contentType() + " " + response.body());
                }
            }
        }
        System.out.println("[access-matrix] " + rows.size() + " endpoints × " + CALLERS.size() + " callers = " + cells + " cells");
        System.out.println("[access-matrix] slowest answer per caller (ms): " + slowestByCaller + "; over 2 s: " + slow);
        assertThat(wrong).as("cells that differ from the matrix").isEmpty();
        assertThat(slowestByCaller.get("other-issuer")).as("a token of another issuer is refused promptly everywhere (ms)").isLessThan(5000L);
    }

    /**
     * Without the browser test's warning: registers 鸿福 as the Putian node and pushes its hopper excursion
     * (what the simulator does) until the district sees a warning of it, at most 3 minutes. The push is
     * repeated because the risk engine skips readings of an enterprise whose registration it has not yet read.
     */
    static String raiseWarning() throws Exception {
        String node = TOKENS.get("city-node");
        Answer registered = call(new Row("PUT", null, "/api/v1/registry/enterprises/" + hongfu.uscc(), Messages.profile(hongfu)), node);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        Messages messages = new Messages(new Random(7));
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            Instant start = Instant.now().minusSeconds(100);
            List<Map<String, Object>> excursion = new ArrayList<>();
            for (int i = 0; i <= 9; i++) {
                excursion.add(messages.realtime(hongfu, start.plusSeconds(10L * i), true));
            }
            call(new Row("POST", null, "/api/v1/ingest/messages", Map.of("messages", excursion)), node);
            for (int poll = 0; poll < 5; poll++) {
                Thread.sleep(2000);
                HttpResponse<String> list = SharedStack.HTTP.send(HttpRequest.newBuilder(URI.create(SharedStack.gatewayUrl() + "/api/v1/warnings"))
                        .header("Authorization", "Bearer " + TOKENS.get("district")).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (var warning : Json.MAPPER.readTree(list.body()).findParents("warningId")) {
                    if (hongfu.uscc().equals(warning.path("uscc").asString())) {
                        return warning.path("warningId").asString();
                    }
                }
            }
        }
        return null;
    }

    /** An alarm of 鸿福 the district lists (the excursion's hopper temperature alarm). */
    static String alarmOfHongfu() throws Exception {
        for (int attempt = 0; attempt < 15; attempt++) {
            HttpResponse<String> full = SharedStack.HTTP.send(HttpRequest.newBuilder(URI.create(SharedStack.gatewayUrl() + "/api/v1/alarms?limit=1000"))
                    .header("Authorization", "Bearer " + TOKENS.get("district")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
            for (var alarm : Json.MAPPER.readTree(full.body()).findParents("alarmId")) {
                if (hongfu.uscc().equals(alarm.path("uscc").asString())) {
                    return alarm.path("alarmId").asString();
                }
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("the district lists no alarm of 鸿福 after its excursion");
    }

    /** Diagnosis of a call that got no answer: the same request on a fresh HTTP/1.1 connection, with its time. */
    static String retryOnNewConnection(Row row, String token) {
        long t0 = System.nanoTime();
        try (var fresh = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                    row.path().startsWith("http") ? row.path() : SharedStack.gatewayUrl() + row.path())).timeout(Duration.ofSeconds(20))
                    .method(row.method(), HttpRequest.BodyPublishers.noBody());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<Void> answer = fresh.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms";
        } catch (Exception e) {
            return e + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms";
        }
    }

    /** What Tomcat and the gateway's firewall refuse before any controller runs is a problem with a type too. */
    @Test
    void theServersOwnRejectionsAreProblems() throws Exception {
        Ports ports = SharedStack.ports();
        List<String> wrong = new ArrayList<>();
        for (int port : List.of(ports.gateway(), ports.ingest(), ports.risk(), ports.alert(), ports.disposal())) {
            for (String path : List.of("/api/v1/warnings/a%2Fb", "/api/v1/warnings/a%00b")) {
                Answer answer = call(new Row("GET", null, "http://localhost:" + port + path, null), TOKENS.get("district"));
                if (answer.status() != 400 || !answer.contentType().startsWith("application/problem+json")
                        || !answer.body().contains("\"type\"")) {
                    wrong.add(port + path + ": " + answer.status() + " " + answer.contentType() + " " + answer.body());
                }
            }
        }
        assertThat(wrong).as("refusals that are not a 400 problem with a type").isEmpty();
    }

    record Answer(int status, String contentType, String body) {
    }

    static Answer call(Row row, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        row.path().startsWith("http") ? row.path() : SharedStack.gatewayUrl() + row.path()))
                .timeout(Duration.ofSeconds(20))
                .method(row.method(), row.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(row.body())))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // the stream never ends: read the status and the first bytes only
        HttpResponse<InputStream> response = SharedStack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] head = body.readNBytes(response.statusCode() == 200 && row.path().endsWith("/stream") ? 0 : 4000);
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(head, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
