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
 * @param partitions         partitions of the topics this service declares ({@code KAFKA_PARTITIONS}, the one partition
 *                           count of every topic and service; the risk engine needs it equal on all its topics)
 * @param commitTimeout      how long a Kafka commit that is not answered (broker paused) is retried before the request
 *                           is answered 503; longer than a broker pause we want to ride through
 * @param transactionIdPrefix {@code transactional.id} prefix of this instance's producers; unique per instance
 *                           ({@code INGEST_TRANSACTION_ID_PREFIX}, by default from {@code HOSTNAME})
 */
@ConfigurationProperties("dustwatch.ingest")
public record IngestProperties(
        @DefaultValue("ingest-1") String configVersion,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("30s") Duration retryAfter,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("90s") Duration commitTimeout,
        @DefaultValue("ingest-") String transactionIdPrefix,
        int partitions) {
    public IngestProperties {
        if (partitions <= 0) {
            throw new IllegalArgumentException("dustwatch.ingest.partitions (KAFKA_PARTITIONS) must be positive, was " + partitions);
        }
    }
}
