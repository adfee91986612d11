package dustwatch.gateway.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code dustwatch.gateway.api-docs.*}: how the gateway gathers the services' OpenAPI documents.
 *
 * @param path    where each service serves its document ({@code /v3/api-docs}, springdoc's default)
 * @param timeout how long the gateway waits for one service's document before leaving it out (and saying so)
 */
@ConfigurationProperties("dustwatch.gateway.api-docs")
public record ApiDocsProperties(String path, Duration timeout) {
    public ApiDocsProperties {
        Objects.requireNonNull(path, "dustwatch.gateway.api-docs.path");
        Objects.requireNonNull(timeout, "dustwatch.gateway.api-docs.timeout");
    }
}
