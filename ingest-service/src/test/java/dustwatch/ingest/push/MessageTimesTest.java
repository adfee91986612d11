package dustwatch.ingest.push;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTimesTest {
    @Test
    void specFormatIsChinaStandardTime() {
        assertThat(MessageTimes.parse("2024-05-01 10:20:00")).contains(Instant.parse("2024-05-01T02:20:00Z"));
    }

    @Test
    void isoWithOffsetOrZulu() {
        assertThat(MessageTimes.parse("2024-05-01T10:20:00+08:00")).contains(Instant.parse("2024-05-01T02:20:00Z"));
        assertThat(MessageTimes.parse("2024-05-01T02:20:00Z")).contains(Instant.parse("2024-05-01T02:20:00Z"));
        assertThat(MessageTimes.parse("2024-05-01T02:20:00.250Z")).contains(Instant.parse("2024-05-01T02:20:00.250Z"));
    }

    @Test
    void isoLocalIsAlsoChinaStandardTime() {
        assertThat(MessageTimes.parse("2024-05-01T10:20:00")).contains(Instant.parse("2024-05-01T02:20:00Z"));
    }

    @Test
    void garbageAndOtherFormatsAreRefused() {
        assertThat(MessageTimes.parse("01/05/2024 10:20")).isEmpty();
        assertThat(MessageTimes.parse("2024-13-01 10:20:00")).isEmpty();
        assertThat(MessageTimes.parse("")).isEmpty();
        assertThat(MessageTimes.parse(null)).isEmpty();
    }

    @Test
    void impossibleDatesAreRefusedNotMovedToTheMonthsEnd() {
        assertThat(MessageTimes.parse("2026-11-31 10:00:00")).isEmpty();
        assertThat(MessageTimes.parse("2026-02-29 10:00:00")).isEmpty();
        assertThat(MessageTimes.parse("2026-11-30 24:00:00")).isEmpty();
        assertThat(MessageTimes.parse("2026-11-31T10:00:00")).isEmpty();
        assertThat(MessageTimes.parse("2028-02-29 10:00:00")).as("a leap day").contains(Instant.parse("2028-02-29T02:00:00Z"));
    }

    @Test
    void timesAreShownInChinaTimeWithTheirOffset() {
        assertThat(MessageTimes.show(Instant.parse("2026-11-30T01:00:00Z"))).isEqualTo("2026-11-30T09:00:00+08:00");
    }
}
