package dustwatch.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the gateway's answer when a service is unavailable ({@code dustwatch.gateway.*}). The routes
 * themselves, their timeouts and circuit breakers are Spring Cloud Gateway / resilience4j configuration in
 * {@code application.yml}.
 *
 * @param configVersion stamped on every fallback problem as {@code configVersion}, so that an answer names
 *                      the configuration that produced it
 * @param retryAfter    what the 503 fallback puts in {@code Retry-After} (whole seconds; default 5 s)
 */
@ConfigurationProperties("dustwatch.gateway")
public record RoutingProperties(@DefaultValue("gateway-1") String configVersion,
                                @DefaultValue("5s") Duration retryAfter) {

    public RoutingProperties {
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("dustwatch.gateway.retry-after must be positive, was " + retryAfter);
        }
    }

    /** {@link #retryAfter()} in whole seconds, at least 1, as the {@code Retry-After} header wants it. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
