package dustwatch.deploy;

import dustwatch.contracts.reading.ParameterCode;
import dustwatch.deploy.simulator.Messages;
import dustwatch.deploy.simulator.SimulatedEnterprise;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    static final Instant T = Instant.parse("2026-05-01T02:20:00Z");
    final Messages messages = new Messages(new Random(1));

    static SimulatedEnterprise byHandle(String handle) {
        return SimulatedEnterprise.licheng().stream().filter(e -> e.handle().equals(handle)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> points(Map<String, Object> message) {
        return (List<Map<String, Object>>) message.get("points");
    }

    @Test
    void aWoodPlantSendsTheThreeDryMandatorySignalsAndFanStatePerCollector() {
        SimulatedEnterprise plant = byHandle("hongfu");
        var message = messages.realtime(plant, T, false);
        assertThat(message.get("collectTime")).as("China Standard Time on the wire").isEqualTo("2026-05-01 10:20:00");
        assertThat(message.get("msgType")).isEqualTo("REALTIME");
        assertThat(points(message)).hasSize(4 * plant.collectors().size());
        assertThat(points(message)).extracting(p -> ParameterCode.ofPointCode((String) p.get("pointCode")).orElseThrow())
                .contains(ParameterCode.DRY_HOPPER_TEMP, ParameterCode.DRY_DP, ParameterCode.DRY_AIRLOCK_FAULT, ParameterCode.FAN_RUN);
        assertThat(points(message)).filteredOn(p -> ((String) p.get("pointCode")).contains("DRY_HOPPER_TEMP"))
                .allMatch(p -> (double) p.get("value") < 60);
    }

    @Test
    void anExcursionHeatsTheFirstHopperAboveTheAlarmThreshold() {
        var message = messages.realtime(byHandle("hongfu"), T, true);
        var hopper = points(message).stream().filter(p -> ((String) p.get("pointCode")).contains("DC001-DRY_HOPPER_TEMP"))
                .findFirst().orElseThrow();
        assertThat((double) hopper.get("value")).isBetween(72.0, 76.0);
    }

    @Test
    void anAlMgShopSendsWetSignalsAndHydrogen() {
        var message = messages.realtime(byHandle("minghui"), T, true);
        assertThat(points(message)).extracting(p -> ParameterCode.ofPointCode((String) p.get("pointCode")).orElseThrow())
                .contains(ParameterCode.WET_TANK_LEVEL, ParameterCode.WET_FLOW, ParameterCode.WET_H2, ParameterCode.FAN_RUN)
                .doesNotContain(ParameterCode.DRY_HOPPER_TEMP);
        var level = points(message).stream().filter(p -> ((String) p.get("pointCode")).contains("DC001-WET_TANK_LEVEL"))
                .findFirst().orElseThrow();
        assertThat((double) level.get("value")).as("excursion: tank level below 0.3 m").isLessThan(0.3);
    }
}
