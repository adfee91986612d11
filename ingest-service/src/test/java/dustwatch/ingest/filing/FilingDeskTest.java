package dustwatch.ingest.filing;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.ingest.registry.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which filings (报备) are refused, and why. */
class FilingDeskTest {
    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
    private static final String USCC = "91350304MA2XY0123X";
    private static final EnterpriseProfile PLANT = new EnterpriseProfile(USCC, "木器厂", "350304101", DustType.WOOD, 45, true,
            List.of(new DustCollector(USCC + "-DC001", CollectorType.DRY_BAG, false)), T0);

    @Test
    void aStopFilingOfTheWholeEnterpriseWithAWindowAndAReasonIsValid() {
        assertThat(FilingDesk.problems(new FilingRequest(USCC, FilingKind.STOP_PRODUCTION, null, T0,
                T0.plus(Duration.ofHours(8)), "设备检修停产"), PLANT)).isEmpty();
    }

    @Test
    void anEndNotAfterTheStartAnUnknownCollectorAndAnEmptyReasonAreNamed() {
        List<FieldError> errors = FilingDesk.problems(new FilingRequest(USCC, FilingKind.MAINTENANCE, USCC + "-DC009", T0,
                T0, " "), PLANT);
        assertThat(errors).extracting(FieldError::field).containsExactly("plannedEnd", "collectorCode", "reason");
        assertThat(errors.get(1).reason()).isEqualTo("the enterprise has no collector " + USCC + "-DC009");
    }

    @Test
    void aCollectorOutOfServiceNamesItsCollectorAndNoFilingLastsBeyond90Days() {
        assertThat(FilingDesk.problems(new FilingRequest(USCC, FilingKind.COLLECTOR_OUT_OF_SERVICE, null, T0,
                T0.plus(Duration.ofDays(91)), "更换滤袋"), PLANT)).extracting(FieldError::field)
                .containsExactly("plannedEnd", "collectorCode");
    }
}
