package dustwatch.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the gateway's 503 answers ({@code dustwatch.gateway.*}): a service or the token issuer cannot be
 * reached. The routes themselves, their timeouts and circuit breakers are Spring Cloud Gateway / resilience4j
 * configuration in {@code application.yml} ({@code spring.cloud.gateway.server.webflux.*}, {@code resilience4j.*}).
 *
 * @param configVersion stamped on every 503 problem as {@code configVersion}, so that an answer names the
 *                      configuration that produced it
 * @param retryAfter    what a 503 puts in {@code Retry-After} (whole seconds; default 5 s)
 */
@ConfigurationProperties("dustwatch.gateway")
public record GatewayProperties(@DefaultValue("gateway-1") String configVersion,
                                @DefaultValue("5s") Duration retryAfter) {

    public GatewayProperties {
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("dustwatch.gateway.retry-after must be positive, was " + retryAfter);
        }
    }

    /** {@link #retryAfter()} in whole seconds, at least 1, as the {@code Retry-After} header wants it. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
