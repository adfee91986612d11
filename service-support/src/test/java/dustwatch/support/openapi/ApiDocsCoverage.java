package dustwatch.support.openapi;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test fixture (service-support's test-jar): compares a service's controller mappings with its OpenAPI document, so a
 * service's test fails when an endpoint is missing from {@code /v3/api-docs} (and so from the gateway's merged
 * document) or the document names one that no controller serves. Spring's and springdoc's own endpoints
 * ({@code /error}, {@code /v3/api-docs}) and the error page of any {@code ErrorController} are not part of the API.
 */
public final class ApiDocsCoverage {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private ApiDocsCoverage() {
    }

    /** {@code "GET /api/v1/warnings/{id}"} for every operation the controllers serve, sorted. */
    public static Set<String> endpoints(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            String owner = e.getValue().getBeanType().getName();
            if (owner.startsWith("org.springdoc.") || owner.startsWith("org.springframework.")
                    || org.springframework.boot.webmvc.error.ErrorController.class.isAssignableFrom(e.getValue().getBeanType())) {
                continue;
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                String path = withoutRegex(pattern);
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + path);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + path));
            }
        }
        return endpoints;
    }

    /** {@code "GET /api/v1/warnings/{id}"} for every operation of an OpenAPI document, sorted. */
    public static Set<String> endpoints(String apiDocsJson) {
        JsonNode paths = JsonMapper.shared().readTree(apiDocsJson).path("paths");
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (HTTP_METHODS.contains(method)) {
                    endpoints.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return endpoints;
    }

    /** {@code /x/{id:\d+}} → {@code /x/{id}}, as OpenAPI writes it. */
    static String withoutRegex(String pattern) {
        return pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }
}
