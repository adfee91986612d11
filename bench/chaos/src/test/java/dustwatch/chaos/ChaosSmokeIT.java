package dustwatch.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small chaos suite of every {@code mvn verify}: on a fresh local stack (ports + 4000, or
 * {@code -Ddustwatch.chaos.port-offset}), ingest is killed with kill -9 and the broker is paused 15 s under the
 * resending client; afterwards no acknowledged message is missing from the database or from the committed events
 * of {@code dust.realtime}, none is there twice, and the killed service came back by itself.
 */
class ChaosSmokeIT {

    @Test
    void oneKillAndOnePauseLoseNothingAndDuplicateNothing() throws Exception {
        Path home = Path.of(System.getProperty("dustwatch.home", "../..")).toAbsolutePath().normalize();
        ChaosSuite suite = new ChaosSuite();
        suite.home = home;
        suite.dataDir = home.resolve("bench/chaos/target/chaos-smoke-stack");
        suite.portOffset = Integer.getInteger("dustwatch.chaos.port-offset", 4000);
        suite.scenarios = List.of("kill:ingest-service", "pause:kafka");
        suite.pauseSeconds = 15;
        suite.warmSeconds = 5;
        suite.afterSeconds = 5;
        List<ChaosSuite.Result> results = suite.run(System.out::println);
        System.out.println(ChaosSuite.HEADER);
        results.forEach(r -> System.out.println(r.row()));

        assertThat(results).hasSize(2);
        for (ChaosSuite.Result r : results) {
            assertThat(r.acknowledged()).as(r.scenario() + " acknowledged (at least one push)").isGreaterThanOrEqualTo(20);
            assertThat(r.missingReceipts()).as(r.scenario() + " acknowledged without receipt").isZero();
            assertThat(r.missingReadings()).as(r.scenario() + " acknowledged without readings").isZero();
            assertThat(r.acknowledgedNotOnTopic()).as(r.scenario() + " acknowledged, not on dust.realtime").isZero();
            assertThat(r.duplicatedInDatabase()).as(r.scenario() + " duplicated in the database").isZero();
            assertThat(r.duplicatedOnTopic()).as(r.scenario() + " duplicated among committed events").isZero();
        }
        assertThat(results.getFirst().restartSeconds()).as("ingest back by itself").matches("[0-9.]+");
        assertThat(results.get(1).unavailable() + results.get(1).otherFailures()).as("the pause was felt").isPositive();
    }
}
