package dustwatch.gateway.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge on fixed sample documents of the four services (test resources {@code apidocs/*.json}). */
class ApiDocsMergerTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The routes of the shipped application.yml, by route id. */
    static List<ServiceDocument> services() {
        return List.of(
                new ServiceDocument("ingest", List.of("/api/v1/ingest/**", "/api/v1/registry/**", "/api/v1/readings/**"), sample("ingest")),
                new ServiceDocument("risk", List.of("/api/v1/risk/**"), sample("risk")),
                new ServiceDocument("alerts", List.of("/api/v1/alerts/**"), sample("alerts")),
                new ServiceDocument("disposal", List.of("/api/v1/warnings/**"), sample("disposal")));
    }

    static JsonNode sample(String service) {
        try (InputStream in = ApiDocsMergerTest.class.getResourceAsStream("/apidocs/" + service + ".json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code "GET /api/v1/warnings/{id}"} for every operation of a document. */
    static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    @Test
    void theMergeHoldsEveryOperationOfEveryService() {
        Set<String> union = new TreeSet<>();
        services().forEach(s -> union.addAll(operations(s.document())));
        ObjectNode merged = ApiDocsMerger.merge(services());
        assertThat(operations(merged)).isEqualTo(union).hasSize(10)
                .contains("POST /api/v1/ingest/messages", "GET /api/v1/alerts/stream", "POST /api/v1/warnings/{id}/clear");
        assertThat(merged.has(ApiDocsMerger.UNAVAILABLE)).isFalse();
        assertThat(merged.has(ApiDocsMerger.UNROUTED)).isFalse();
    }

    @Test
    void oneBearerSchemeOneRelativeServer() {
        ObjectNode merged = ApiDocsMerger.merge(services());
        assertThat(merged.path("components").path("securitySchemes").propertyNames()).containsExactly("bearer");
        assertThat(merged.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(merged.path("security").get(0).has("bearer")).isTrue();
        assertThat(merged.path("servers")).hasSize(1);
        assertThat(merged.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(merged.path("openapi").asString()).isEqualTo("3.1.0");
    }

    @Test
    void aSchemaTwoServicesDefineDifferentlyIsRenamedWithItsReferences() {
        ObjectNode merged = ApiDocsMerger.merge(services());
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("JsonNode").path("description").isMissingNode()).isTrue();
        assertThat(schemas.path("disposal.JsonNode").path("description").asString()).startsWith("a disposal event");
        assertThat(merged.path("paths").path("/api/v1/ingest/messages").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/JsonNode");
        assertThat(schemas.path("WarningView").path("properties").path("timeline").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/disposal.JsonNode");
        assertThat(schemas.has("RiskAssessment")).isTrue();
    }

    @Test
    void aServiceThatDidNotAnswerIsNamedNotHidden() {
        List<ServiceDocument> riskDown = services().stream()
                .map(s -> s.service().equals("risk") ? ServiceDocument.unavailable("risk", s.routed()) : s).toList();
        ObjectNode merged = ApiDocsMerger.merge(riskDown);
        assertThat(operations(merged)).doesNotContain("GET /api/v1/risk/enterprises/{uscc}").hasSize(9);
        assertThat(merged.path(ApiDocsMerger.UNAVAILABLE).get(0).asString()).isEqualTo("risk");
        assertThat(merged.path("info").path("description").asString()).contains("INCOMPLETE").contains("risk");
    }

    @Test
    void aPathNoRouteReachesIsNotPublishedButListed() {
        List<ServiceDocument> narrowed = services().stream()
                .map(s -> s.service().equals("ingest")
                        ? new ServiceDocument("ingest", List.of("/api/v1/ingest/**", "/api/v1/registry/**"), s.document()) : s)
                .toList();
        ObjectNode merged = ApiDocsMerger.merge(narrowed);
        assertThat(operations(merged)).doesNotContain("GET /api/v1/readings");
        assertThat(merged.path(ApiDocsMerger.UNROUTED).get(0).asString()).isEqualTo("ingest /api/v1/readings");
    }
}
