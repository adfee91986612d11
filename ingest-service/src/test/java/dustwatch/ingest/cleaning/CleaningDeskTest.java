package dustwatch.ingest.cleaning;

import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.ingest.registry.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which cleaning plans and check-ins (清扫打卡) are refused, and why. */
class CleaningDeskTest {
    private static final String PHOTO = "a".repeat(64);

    @Test
    void aVacuumCheckInWithOnePhotoAndAPositionIsValid() {
        assertThat(CleaningDesk.problems(new CheckInRequest("SANDING-FLOOR", "VACUUM", List.of(PHOTO), "林师傅", 25.43, 119.01)))
                .isEmpty();
    }

    @Test
    void compressedAirTheSamePhotoTwiceAndNoPositionAreRefused() {
        List<FieldError> errors = CleaningDesk.problems(new CheckInRequest("SANDING-FLOOR", "COMPRESSED_AIR",
                List.of(PHOTO, PHOTO), "林师傅", null, 119.01));
        assertThat(errors).extracting(FieldError::field).containsExactly("method", "photoHashes", "latitude");
        assertThat(errors.getFirst().reason()).contains("compressed-air blowing is not allowed");
    }

    @Test
    void aPhotoHashMustBeASha256() {
        assertThat(CleaningDesk.problems(new CheckInRequest("A", "MANUAL", List.of("not-a-hash"), "x", 0.0, 0.0)))
                .extracting(FieldError::field).containsExactly("photoHashes[0]");
    }

    @Test
    void aPerShiftAreaNeedsShiftsAndAreaCodesAreUnique() {
        CleaningPlan plan = new CleaningPlan(null, null, List.of(
                new CleaningPlan.Area("FLOOR", "地面", CleaningFrequency.PER_SHIFT),
                new CleaningPlan.Area("FLOOR", "地面二", CleaningFrequency.DAILY)), List.of(), Instant.EPOCH);
        assertThat(CleaningDesk.problems(plan)).extracting(FieldError::field).containsExactly("areas[1].areaCode", "shifts");
        CleaningPlan ok = new CleaningPlan(null, null, List.of(new CleaningPlan.Area("FLOOR", "地面", CleaningFrequency.PER_SHIFT)),
                List.of(new CleaningPlan.Shift("白班", LocalTime.of(8, 0), LocalTime.of(20, 0))), Instant.EPOCH);
        assertThat(CleaningDesk.problems(ok)).isEmpty();
    }
}
