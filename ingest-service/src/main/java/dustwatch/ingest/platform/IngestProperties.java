package dustwatch.ingest.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code dustwatch.ingest.*}: the service-wide knobs.
 *
 * @param configVersion      stamped as Kafka header {@code dw-config-version} on every produced event
 * @param sendTimeout        how long a request waits for the broker's acks of all its events before it is answered 503
 * @param retryAfter         the {@code Retry-After} advertised on a 503
 * @param replicationFactor  replication factor of the topics this service declares ({@code KAFKA_REPLICATION_FACTOR})
 */
@ConfigurationProperties("dustwatch.ingest")
public record IngestProperties(
        @DefaultValue("ingest-1") String configVersion,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("30s") Duration retryAfter,
        @DefaultValue("1") short replicationFactor) {
}
