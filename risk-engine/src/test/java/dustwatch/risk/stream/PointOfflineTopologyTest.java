package dustwatch.risk.stream;

import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.risk.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dustwatch.contracts.reading.ParameterCode.DRY_DP;
import static dustwatch.contracts.reading.ParameterCode.DRY_HOPPER_TEMP;
import static dustwatch.contracts.reading.ParameterCode.FAN_RUN;
import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.SHIFT_START;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.batch;
import static dustwatch.risk.Fixtures.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Point-level offline (点位离线, §2.6): a mandatory point that stops reporting while its gateway still sends is
 * offline after the timeout (10 min) plus at most one punctuation (5 s) of wall-clock time; it is back with its
 * next good value. A silent gateway takes its points with it and raises no point offline. Shipped configuration.
 */
class PointOfflineTopologyTest {
    private static final String HOPPER = Fixtures.point(WOOD_PLANT, DRY_HOPPER_TEMP);
    @TempDir
    Path stateDir;
    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness(stateDir, SHIFT_START);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aHopperPointSilentWhileItsGatewaySendsIsOfflineOnTimeAndBackWithItsNextValue() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant t = h.now();
        h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                good(WOOD_PLANT, DRY_DP, 1100, t), good(WOOD_PLANT, DRY_HOPPER_TEMP, 35, t)));
        Instant hopperLast = t;
        // the gateway keeps sending fan and ΔP every minute; the hopper sensor is silent
        for (int minute = 1; minute <= 9; minute++) {
            h.advance(Duration.ofMinutes(1));
            Instant m = h.now();
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, m, good(WOOD_PLANT, FAN_RUN, 1, m),
                    good(WOOD_PLANT, DRY_DP, 1100, m)));
        }
        assertThat(h.offline.isEmpty()).isTrue();
        Instant due = hopperLast.plus(Duration.ofMinutes(10));
        while (h.offline.isEmpty() && h.now().isBefore(due.plusSeconds(30))) {
            h.advanceFinely(Duration.ofSeconds(5));
        }
        List<OfflineEvent> events = h.offline.readValuesToList();
        assertThat(events).extracting(OfflineEvent::scope, OfflineEvent::subject, OfflineEvent::status, OfflineEvent::lastSeen)
                .containsExactly(tuple("POINT", HOPPER, "START", hopperLast));
        assertThat(events.getFirst().at()).isBetween(due, due.plusSeconds(5));
        assertThat(h.state(WOOD_PLANT).offlinePoints()).containsExactly(HOPPER);

        // still offline 30 min on, with the gateway sending: the offline factor of §3.2
        for (int minute = 0; minute < 21; minute++) {
            Instant m = h.now();
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, m, good(WOOD_PLANT, FAN_RUN, 1, m),
                    good(WOOD_PLANT, DRY_DP, 1100, m)));
            h.advance(Duration.ofMinutes(1));
        }
        assertThat(h.latest(WOOD_PLANT).factors()).extracting(RiskFactor::code, RiskFactor::points)
                .containsExactly(tuple("DUST_TYPE", 20.0), tuple("DUST_WORKERS", 20.0), tuple("COLLECTORS", 9.0),
                        tuple("IGNITION_PRONE_PROCESS", 8.0), tuple("OFFLINE", 15.0));
        assertThat(h.latest(WOOD_PLANT).factors().getLast().detail()).startsWith("点位 " + HOPPER + " 离线 3");
        assertThat(h.offline.isEmpty()).isTrue();

        Instant back = h.now();
        h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, back, good(WOOD_PLANT, FAN_RUN, 1, back),
                good(WOOD_PLANT, DRY_DP, 1100, back), good(WOOD_PLANT, DRY_HOPPER_TEMP, 36, back)));
        assertThat(h.offline.readValuesToList()).extracting(OfflineEvent::scope, OfflineEvent::subject, OfflineEvent::status, OfflineEvent::lastSeen)
                .containsExactly(tuple("POINT", HOPPER, "END", back));
        assertThat(h.state(WOOD_PLANT).offlinePoints()).isEmpty();
        assertThat(h.latest(WOOD_PLANT).factors()).extracting(RiskFactor::code).doesNotContain("OFFLINE");
    }

    @Test
    void aSilentGatewayIsOfflineItselfAndRaisesNoPointOffline() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant t = h.now();
        h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                good(WOOD_PLANT, DRY_DP, 1100, t), good(WOOD_PLANT, DRY_HOPPER_TEMP, 35, t)));
        h.advance(Duration.ofMinutes(12));
        assertThat(h.offline.readValuesToList()).extracting(OfflineEvent::scope)
                .containsExactly("GATEWAY", "ENTERPRISE");
        // back with a heartbeat only: the points' silence counts again from then, not from before the outage
        h.heartbeats.pipeInput(WOOD_PLANT, Fixtures.heartbeat(WOOD_PLANT, h.now()));
        h.advance(Duration.ofMinutes(2));
        assertThat(h.offline.readValuesToList()).extracting(OfflineEvent::scope, OfflineEvent::status)
                .containsExactly(tuple("GATEWAY", "END"), tuple("ENTERPRISE", "END"));
    }
}
