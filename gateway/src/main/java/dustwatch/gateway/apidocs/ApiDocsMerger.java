package dustwatch.gateway.apidocs;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into the gateway's one document: every path a gateway route reaches, with
 * its operations as the service describes them; the components of all services (a name two services define
 * differently is renamed {@code <service>.<name>} in the second, and its references with it); one bearer security
 * scheme; one relative server {@code /} (the gateway). A service whose document could not be fetched is named in
 * {@code x-dustwatch-unavailable} and in the description, so a partial document never passes for a whole one.
 */
public final class ApiDocsMerger {
    /** Extension member listing the services whose document was missing. */
    public static final String UNAVAILABLE = "x-dustwatch-unavailable";
    /** Extension member listing paths a service documents that no gateway route reaches. */
    public static final String UNROUTED = "x-dustwatch-unrouted";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiDocsMerger() {
    }

    /** The merged document of {@code services}, in their order. */
    public static ObjectNode merge(List<ServiceDocument> services) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", services.stream().map(ServiceDocument::document)
                .filter(d -> d != null && d.hasNonNull("openapi")).map(d -> d.get("openapi").asString())
                .findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "dustwatch API — 粉尘涉爆企业安全生产风险监测预警系统");
        info.put("version", "v1");
        merged.putArray("servers").addObject().put("url", "/").put("description", "the dustwatch gateway (网关)");
        merged.putArray("security").addObject().putArray("bearer");

        Map<String, JsonNode> paths = new TreeMap<>();
        ObjectNode components = NODES.objectNode();
        Map<String, JsonNode> tags = new TreeMap<>();
        List<String> unavailable = new ArrayList<>();
        List<String> unrouted = new ArrayList<>();
        for (ServiceDocument service : services) {
            if (service.document() == null) {
                unavailable.add(service.service());
                continue;
            }
            JsonNode document = renameClashes(service.service(), service.document().deepCopy(), components);
            List<PathPattern> patterns = service.routed().stream().map(PathPatternParser.defaultInstance::parse).toList();
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                PathContainer template = PathContainer.parsePath(path.getKey());
                if (patterns.stream().anyMatch(p -> p.matches(template))) {
                    paths.putIfAbsent(path.getKey(), path.getValue());
                } else {
                    unrouted.add(service.service() + " " + path.getKey());
                }
            }
            for (Map.Entry<String, JsonNode> kind : document.path("components").properties()) {
                if (!kind.getKey().equals("securitySchemes")) {
                    ObjectNode into = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                            : components.putObject(kind.getKey());
                    kind.getValue().properties().forEach(c -> into.putIfAbsent(c.getKey(), c.getValue()));
                }
            }
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asString(), tag);
            }
        }
        info.put("description", description(services, unavailable));
        ObjectNode pathNode = merged.putObject("paths");
        paths.forEach(pathNode::set);
        components.putObject("securitySchemes").set("bearer", bearerScheme());
        merged.set("components", components);
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        if (!unavailable.isEmpty()) {
            ArrayNode list = merged.putArray(UNAVAILABLE);
            unavailable.forEach(list::add);
        }
        if (!unrouted.isEmpty()) {
            ArrayNode list = merged.putArray(UNROUTED);
            unrouted.forEach(list::add);
        }
        return merged;
    }

    /**
     * Renames, in {@code document}, each component that {@code merged} already holds under the same name with other
     * content to {@code <service>.<name>}, and rewrites the references to it.
     */
    static JsonNode renameClashes(String service, JsonNode document, ObjectNode merged) {
        Map<String, String> renames = new TreeMap<>();
        for (Map.Entry<String, JsonNode> kind : document.path("components").properties()) {
            JsonNode existing = merged.path(kind.getKey());
            for (Map.Entry<String, JsonNode> c : kind.getValue().properties()) {
                if (existing.has(c.getKey()) && !existing.get(c.getKey()).equals(c.getValue())) {
                    renames.put("#/components/" + kind.getKey() + "/" + c.getKey(),
                            "#/components/" + kind.getKey() + "/" + service + "." + c.getKey());
                }
            }
        }
        if (renames.isEmpty()) {
            return document;
        }
        rewriteRefs(document, renames);
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            String[] from = rename.getKey().split("/");
            String[] to = rename.getValue().split("/");
            ObjectNode kind = (ObjectNode) document.get("components").get(from[2]);
            kind.set(to[3], kind.remove(from[3]));
        }
        return document;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renames.containsKey(ref.asString())) {
                object.put("$ref", renames.get(ref.asString()));
            }
            object.values().forEach(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static ObjectNode bearerScheme() {
        ObjectNode bearer = NODES.objectNode();
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "Keycloak access token of realm dustwatch (访问令牌): claims dw_kind, dw_region, dw_uscc");
        return bearer;
    }

    private static String description(List<ServiceDocument> services, List<String> unavailable) {
        StringBuilder text = new StringBuilder("""
                Every public endpoint of the platform, reached through this gateway (网关). Send \
                `Authorization: Bearer <access token>`; times are ISO-8601 with the platform offset (+08:00, China \
                time); errors are RFC 9457 problem details (application/problem+json). Services: """);
        text.append(String.join(", ", services.stream().map(ServiceDocument::service).toList())).append('.');
        if (!unavailable.isEmpty()) {
            text.append(" INCOMPLETE — not answering now, their endpoints are missing (暂不可用): ")
                    .append(String.join(", ", unavailable)).append('.');
        }
        return text.toString();
    }
}
