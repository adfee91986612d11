package dustwatch.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code dustwatch.security.*}.
 *
 * @param cityNodePaths requests only city aggregation nodes may make: a path pattern for every method
 *                      ({@code /api/v1/ingest/**}) or a method and a pattern
 *                      ({@code PUT /api/v1/registry/enterprises/*}). Every other request refuses city nodes with 403.
 * @param publicPaths   requests reachable without a token (health probes), written like {@code cityNodePaths}
 */
@ConfigurationProperties("dustwatch.security")
public record SecurityProperties(List<String> cityNodePaths, List<String> publicPaths) {
    public SecurityProperties {
        cityNodePaths = cityNodePaths == null ? List.of() : List.copyOf(cityNodePaths);
        publicPaths = publicPaths == null ? List.of("/actuator/health/**", "/actuator/health", "/actuator/info")
                : List.copyOf(publicPaths);
    }
}
