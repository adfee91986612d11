package dustwatch.ingest.push;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Times in gateway messages (domain reference §2.4): {@code yyyy-MM-dd HH:mm:ss} in China Standard Time
 * (Asia/Shanghai, UTC+8), or ISO-8601 — with an offset or {@code Z}, or a local date-time also read in
 * Asia/Shanghai. A time without a zone is always China time. Dates are resolved strictly: an impossible date
 * (February 30th, November 31st, hour 24) is refused, never adjusted.
 */
public final class MessageTimes {
    /** The zone of local times in messages. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Strict: {@code 2026-11-31 10:00:00} is refused, not moved to the 30th (ISO parsing is strict already). */
    private static final DateTimeFormatter SPEC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private MessageTimes() {
    }

    /** {@code t} as people in China read it: ISO-8601 with the +08:00 offset, never a bare UTC {@code Z}. */
    public static String show(Instant t) {
        return SHOWN.format(t.atZone(CHINA));
    }

    /** The instant {@code text} names, or empty when it is in neither accepted form. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(LocalDateTime.parse(t, SPEC).atZone(CHINA).toInstant());
        } catch (DateTimeParseException notSpec) {
            // fall through to ISO-8601
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException notOffset) {
            // fall through to a local ISO date-time
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atZone(CHINA).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
