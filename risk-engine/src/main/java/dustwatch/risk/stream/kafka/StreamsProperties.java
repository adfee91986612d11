package dustwatch.risk.stream.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code dustwatch.risk.streams.*}: how the Kafka Streams client runs.
 *
 * @param applicationId     Kafka Streams {@code application.id} (consumer group, internal topic prefix),
 *                          {@code dustwatch-risk-engine}
 * @param bootstrapServers  broker list, from {@code KAFKA_BOOTSTRAP_SERVERS}
 * @param stateDir          directory of the RocksDB state stores ({@code RISK_STATE_DIR}; by default under the
 *                          data directory {@code DUSTWATCH_DATA_DIR}, never /tmp, so a restart keeps them)
 * @param replicationFactor replication of the topics declared and of the changelog topics
 *                          ({@code KAFKA_REPLICATION_FACTOR})
 * @param partitions        partitions of the topics declared (3, the same for every topic: no repartition)
 * @param closeTimeout      how long shutdown waits for the client to close
 */
@ConfigurationProperties("dustwatch.risk.streams")
public record StreamsProperties(String applicationId, String bootstrapServers, String stateDir,
                                short replicationFactor, int partitions, Duration closeTimeout) {
    public StreamsProperties {
        applicationId = applicationId == null ? "dustwatch-risk-engine" : applicationId;
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        if (stateDir == null || stateDir.isBlank()) {
            throw new IllegalArgumentException("dustwatch.risk.streams.state-dir is missing (RISK_STATE_DIR)");
        }
        replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        partitions = partitions <= 0 ? 3 : partitions;
        closeTimeout = closeTimeout == null ? Duration.ofSeconds(10) : closeTimeout;
    }
}
