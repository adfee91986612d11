package dustwatch.gateway.apidocs;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * One routed service's OpenAPI document as the gateway fetched it.
 *
 * @param service  the route id ({@code ingest}, {@code risk}, {@code alerts}, {@code disposal})
 * @param routed   the route's path patterns ({@code /api/v1/warnings/**}): only paths they match are reachable
 *                 through the gateway and published
 * @param document the service's {@code /v3/api-docs}, or null when it could not be fetched
 */
public record ServiceDocument(String service, List<String> routed, JsonNode document) {
    public ServiceDocument {
        routed = List.copyOf(routed);
    }

    /** The service did not answer its document. */
    public static ServiceDocument unavailable(String service, List<String> routed) {
        return new ServiceDocument(service, routed, null);
    }
}
