package dustwatch.support.time;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The module alone: an instant read in UTC is written at the platform offset, never with a bare {@code Z}. */
class PlatformTimesTest {
    static final Instant EVENING_IN_PUTIAN = Instant.parse("2026-12-06T14:40:05Z");
    final JsonMapper china = JsonMapper.builder().addModule(PlatformTimes.module(ZoneId.of("Asia/Shanghai"))).build();

    @Test
    void anInstantIsWrittenInChinaTime() {
        assertThat(china.writeValueAsString(Map.of("issuedAt", EVENING_IN_PUTIAN)))
                .isEqualTo("{\"issuedAt\":\"2026-12-06T22:40:05+08:00\"}");
    }

    @Test
    void fractionsOfASecondAreKept() {
        assertThat(china.writeValueAsString(EVENING_IN_PUTIAN.plusMillis(250)))
                .isEqualTo("\"2026-12-06T22:40:05.25+08:00\"");
    }

    @Test
    void offsetAndZonedTimesAreMovedToTheSameInstantInChina() {
        assertThat(china.writeValueAsString(OffsetDateTime.ofInstant(EVENING_IN_PUTIAN, ZoneOffset.UTC)))
                .isEqualTo("\"2026-12-06T22:40:05+08:00\"");
        assertThat(china.writeValueAsString(ZonedDateTime.ofInstant(EVENING_IN_PUTIAN, ZoneId.of("Europe/Berlin"))))
                .isEqualTo("\"2026-12-06T22:40:05+08:00\"");
    }

    @Test
    void anotherZoneGivesItsOffset() {
        JsonMapper urumqi = JsonMapper.builder().addModule(PlatformTimes.module(ZoneOffset.ofHours(6))).build();
        assertThat(urumqi.writeValueAsString(EVENING_IN_PUTIAN)).isEqualTo("\"2026-12-06T20:40:05+06:00\"");
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameInstant() {
        String json = china.writeValueAsString(EVENING_IN_PUTIAN);
        assertThat(china.readValue(json, Instant.class)).isEqualTo(EVENING_IN_PUTIAN);
        assertThat(PlatformTimes.format(EVENING_IN_PUTIAN, ZoneId.of("Asia/Shanghai"))).isEqualTo("2026-12-06T22:40:05+08:00");
    }
}
