package dustwatch.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code dustwatch.security.*}.
 *
 * @param cityNodePaths request paths (Ant patterns) that only city aggregation nodes may call, e.g.
 *                      {@code /api/v1/ingest/**}. Every other {@code /api/**} path refuses city nodes with 403.
 * @param publicPaths   paths reachable without a token (health probes)
 */
@ConfigurationProperties("dustwatch.security")
public record SecurityProperties(List<String> cityNodePaths, List<String> publicPaths) {
    public SecurityProperties {
        cityNodePaths = cityNodePaths == null ? List.of() : List.copyOf(cityNodePaths);
        publicPaths = publicPaths == null ? List.of("/actuator/health/**", "/actuator/health", "/actuator/info")
                : List.copyOf(publicPaths);
    }
}
