package dustwatch.scale;

import dustwatch.contracts.topic.Json;
import dustwatch.deploy.simulator.GeneratedRegistry;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BodiesTest {
    @Test
    void everyPointAndSecondIsPushedOnceAndEveryMsgIdIsNew() {
        List<SimulatedEnterprise> enterprises = GeneratedRegistry.generate(3, 'T', List.of("350302"));
        Bodies bodies = new Bodies(enterprises, "t", Instant.parse("2026-12-06T10:00:00Z"), 0);
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int points = 0;
        for (int push = 0; push < 4; push++) {
            Bodies.Body body = bodies.next(5);
            JsonNode json = Json.MAPPER.readTree(body.json());
            assertThat(json.path("messages").size()).isEqualTo(5);
            for (JsonNode m : json.path("messages")) {
                assertThat(ids.add(m.path("msgId").asString())).isTrue();
                for (JsonNode p : m.path("points")) {
                    assertThat(keys.add(p.path("pointCode").asString() + "@" + p.path("collectTime").asString()))
                            .as("a point and second pushed twice").isTrue();
                    points++;
                }
            }
            assertThat(body.msgIds()).hasSize(5);
            assertThat(body.points()).isEqualTo(40);
        }
        assertThat(points).isEqualTo(160);
        // the first message of each enterprise is at the origin, the next one second before (China time on the wire)
        assertThat(keys).contains(enterprises.getFirst().collectors().getFirst().code() + "-FAN_RUN@2026-12-06 18:00:00",
                enterprises.getFirst().collectors().getFirst().code() + "-FAN_RUN@2026-12-06 17:59:59");
    }

    @Test
    void percentilesAreNearestRank() {
        assertThat(ScaleBench.pct(List.of(10L, 20L, 30L, 40L), 0.5)).isEqualTo(20);
        assertThat(ScaleBench.pct(List.of(10L, 20L, 30L, 40L), 0.99)).isEqualTo(40);
        assertThat(ScaleBench.pct(List.of(), 0.5)).isEqualTo(-1);
    }
}
