package dustwatch.alert.console;

import dustwatch.alert.routing.RoutedWarning;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.warning.Warning;
import dustwatch.support.time.PlatformTimes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static dustwatch.alert.Fixtures.HUANGSHI;
import static dustwatch.alert.Fixtures.HUANGSHI_FURNITURE;
import static org.assertj.core.api.Assertions.assertThat;

/** A console's {@code warning} event carries China time (+08:00), not the topic's UTC {@code Z}. */
class ConsoleEventTest {
    static final JsonMapper CHINA = JsonMapper.builder().addModule(PlatformTimes.module(ZoneId.of("Asia/Shanghai"))).build();

    @Test
    void theIssueTimeIsWrittenAtThePlatformOffset() {
        Warning at = new Warning("w-evening", HUANGSHI_FURNITURE, "莆田市荔城区黄石家具厂", HUANGSHI, Colour.YELLOW,
                Instant.parse("2026-12-06T14:40:05Z"), "hopper temperature of DC001 above 70 °C for 10 min", null,
                List.of(), null, "risk-2026.1");
        String logged = ConsoleEvent.warningData(new RoutedWarning(at, List.of(), "routing-test"), CHINA);
        ConsoleEvent event = ConsoleEvent.of(new ConsoleLog.Entry(7, ConsoleLog.Kind.WARNING, "w-evening", List.of(),
                logged, WarningState.SIGNED_IN), false, true);
        JsonNode data = CHINA.readTree(event.data());
        assertThat(event.id()).isEqualTo("7");
        assertThat(data.path("state").asString()).isEqualTo("SIGNED_IN");
        assertThat(data.path("replay").asBoolean(true)).isFalse();
        assertThat(data.path("issuedAt").asString()).isEqualTo("2026-12-06T22:40:05+08:00");
        assertThat(event.data()).doesNotContain("Z\"");
    }
}
