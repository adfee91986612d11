package dustwatch.gateway.apidocs.web;

import dustwatch.gateway.apidocs.ApiDocsMerger;
import dustwatch.gateway.apidocs.ApiDocsProperties;
import dustwatch.gateway.apidocs.ServiceDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /v3/api-docs}: the platform's one OpenAPI document (Swagger UI at {@code /swagger-ui.html} shows it).
 * For every gateway route it fetches {@code <route uri>/v3/api-docs} (all at once) and merges the answers, in route order, with
 * {@link ApiDocsMerger}; a service that does not answer within {@code dustwatch.gateway.api-docs.timeout} is left
 * out and named in {@code x-dustwatch-unavailable}. Public, like the services' documents: it describes the API,
 * never data.
 */
@RestController
public class ApiDocsController {
    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);

    private final RouteDefinitionLocator routes;
    private final WebClient client;
    private final ApiDocsProperties properties;

    public ApiDocsController(RouteDefinitionLocator routes, ApiDocsProperties properties) {
        this.routes = routes;
        this.client = WebClient.create();
        this.properties = properties;
    }

    /** The merged document. */
    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ObjectNode> apiDocs() {
        return routes.getRouteDefinitions()
                .flatMapSequential(this::fetch)
                .collectList()
                .map(ApiDocsMerger::merge);
    }

    private Mono<ServiceDocument> fetch(RouteDefinition route) {
        List<String> routed = pathPatterns(route);
        return client.get().uri(route.getUri().resolve(properties.path()))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .map(document -> new ServiceDocument(route.getId(), routed, document))
                .onErrorResume(e -> {
                    log.warn("no OpenAPI document from {} ({}): {}", route.getId(), route.getUri(), e.toString());
                    return Mono.just(ServiceDocument.unavailable(route.getId(), routed));
                });
    }

    /** The patterns of the route's {@code Path=} predicates. */
    static List<String> pathPatterns(RouteDefinition route) {
        return route.getPredicates().stream()
                .filter(p -> p.getName().equals("Path"))
                .flatMap(p -> p.getArgs().entrySet().stream())
                .filter(arg -> !arg.getKey().equals("matchTrailingSlash"))
                .flatMap(arg -> Arrays.stream(arg.getValue().split(",")))
                .map(String::trim)
                .filter(pattern -> pattern.startsWith("/"))
                .toList();
    }
}
