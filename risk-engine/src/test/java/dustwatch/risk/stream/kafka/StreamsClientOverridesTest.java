package dustwatch.risk.stream.kafka;

import dustwatch.risk.ShippedConfig;
import dustwatch.risk.model.CleaningFactor;
import dustwatch.risk.stream.RiskTopology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings from dustwatch.risk.streams-client.config reach the Kafka Streams client, after the built-in ones. */
class StreamsClientOverridesTest {
    @Test
    void standbyReplicasAndApplicationServerAreApplied() {
        RiskTopology topology = new RiskTopology(ShippedConfig.rules(), ShippedConfig.model(), ShippedConfig.engine());
        StreamsProperties streams = new StreamsProperties("app", "localhost:1", "/tmp/unused", (short) 1, 3, Duration.ofSeconds(1));
        RiskStreams client = new RiskStreams(topology, streams, null, new CleaningFactor(ShippedConfig.model().factors().cleaning()),
                Map.of("num.standby.replicas", "1", "application.server", "risk-engine-2.risk-engine-headless:8080"));
        Properties config = client.streamsConfig();
        assertThat(config).containsEntry("num.standby.replicas", "1")
                .containsEntry("application.server", "risk-engine-2.risk-engine-headless:8080")
                .containsEntry("processing.guarantee", "exactly_once_v2");
    }
}
