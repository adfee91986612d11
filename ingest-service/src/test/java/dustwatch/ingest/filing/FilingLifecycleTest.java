package dustwatch.ingest.filing;

import dustwatch.contracts.filing.FilingStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dustwatch.ingest.filing.FilingLifecycle.Transition.APPROVE;
import static dustwatch.ingest.filing.FilingLifecycle.Transition.END;
import static dustwatch.ingest.filing.FilingLifecycle.Transition.REJECT;
import static dustwatch.ingest.filing.FilingLifecycle.Transition.WITHDRAW;
import static org.assertj.core.api.Assertions.assertThat;

/** Which changes each filing state allows, and when a filing is shown EXPIRED. */
class FilingLifecycleTest {
    private static final Instant END_AT = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aSubmittedFilingIsDecidedOrWithdrawnButNotEnded() {
        assertThat(FilingLifecycle.allows(FilingStatus.SUBMITTED, APPROVE)).isTrue();
        assertThat(FilingLifecycle.allows(FilingStatus.SUBMITTED, REJECT)).isTrue();
        assertThat(FilingLifecycle.allows(FilingStatus.SUBMITTED, WITHDRAW)).isTrue();
        assertThat(FilingLifecycle.allows(FilingStatus.SUBMITTED, END)).isFalse();
    }

    @Test
    void anApprovedFilingOnlyEndsAndTheClosedStatesAllowNothing() {
        assertThat(FilingLifecycle.allows(FilingStatus.APPROVED, END)).isTrue();
        assertThat(FilingLifecycle.allows(FilingStatus.APPROVED, APPROVE)).isFalse();
        assertThat(FilingLifecycle.allows(FilingStatus.APPROVED, WITHDRAW)).isFalse();
        for (FilingStatus closed : new FilingStatus[]{FilingStatus.REJECTED, FilingStatus.WITHDRAWN, FilingStatus.ENDED,
                FilingStatus.EXPIRED, FilingStatus.REVOKED}) {
            for (FilingLifecycle.Transition t : FilingLifecycle.Transition.values()) {
                assertThat(FilingLifecycle.allows(closed, t)).as(closed + " " + t).isFalse();
            }
        }
    }

    @Test
    void anOpenFilingIsExpiredFromItsPlannedEndOnAndAClosedOneKeepsItsState() {
        assertThat(FilingLifecycle.shown(FilingStatus.APPROVED, END_AT, END_AT.minusSeconds(1))).isEqualTo(FilingStatus.APPROVED);
        assertThat(FilingLifecycle.shown(FilingStatus.APPROVED, END_AT, END_AT)).isEqualTo(FilingStatus.EXPIRED);
        assertThat(FilingLifecycle.shown(FilingStatus.SUBMITTED, END_AT, END_AT.plusSeconds(60))).isEqualTo(FilingStatus.EXPIRED);
        assertThat(FilingLifecycle.shown(FilingStatus.ENDED, END_AT, END_AT.plusSeconds(60))).isEqualTo(FilingStatus.ENDED);
        assertThat(FilingLifecycle.shown(FilingStatus.REJECTED, END_AT, END_AT.plusSeconds(60))).isEqualTo(FilingStatus.REJECTED);
    }
}
