package dustwatch.support.time;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.function.Function;

/**
 * Writes {@link Instant}, {@link OffsetDateTime} and {@link ZonedDateTime} as ISO-8601 with the platform zone's offset,
 * e.g. {@code 2026-12-06T22:40:00+08:00} for the instant {@code 2026-12-06T14:40:00Z}. Jackson's own java.time
 * serializers write an {@code Instant} in UTC with {@code Z}, which a duty officer in China reads eight hours wrong.
 * Only HTTP answers use this; the events on Kafka keep the contracts' {@code Json} mapper (UTC).
 */
public final class PlatformTimes {
    private PlatformTimes() {
    }

    /** The Jackson module for {@code zone}. */
    public static JacksonModule module(ZoneId zone) {
        SimpleModule module = new SimpleModule("dustwatch-platform-times");
        module.addSerializer(Instant.class, new OffsetWriter<>(Instant.class, i -> i.atZone(zone)));
        module.addSerializer(OffsetDateTime.class, new OffsetWriter<>(OffsetDateTime.class,
                t -> t.atZoneSameInstant(zone)));
        module.addSerializer(ZonedDateTime.class, new OffsetWriter<>(ZonedDateTime.class,
                t -> t.withZoneSameInstant(zone)));
        return module;
    }

    /** {@code instant} as the text the module writes, for answers not written by Jackson (log lines, problem details). */
    public static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private static final class OffsetWriter<T> extends StdSerializer<T> {
        private final Function<T, ZonedDateTime> inZone;

        OffsetWriter(Class<T> type, Function<T, ZonedDateTime> inZone) {
            super(type);
            this.inZone = inZone;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext context) {
            TemporalAccessor local = inZone.apply(value);
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local));
        }
    }
}
