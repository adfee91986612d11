package dustwatch.risk.stream.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * {@code dustwatch.risk.streams-client.config.*}: further Kafka Streams client settings, set last, for a
 * deployment of several instances: {@code num.standby.replicas} (warm copies of each store on another
 * instance, so that a lost pod's partitions move without a full restore) and {@code application.server}
 * (this instance's host:port, e.g. from the pod name). In the environment:
 * {@code DUSTWATCH_RISK_STREAMS_CLIENT_CONFIG_NUM_STANDBY_REPLICAS=1}.
 *
 * @param config Kafka Streams settings by their own names; empty by default
 */
@ConfigurationProperties("dustwatch.risk.streams-client")
public record StreamsClientProperties(Map<String, String> config) {
    public StreamsClientProperties {
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
