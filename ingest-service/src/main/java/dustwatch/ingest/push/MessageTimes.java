package dustwatch.ingest.push;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times in gateway messages (domain reference §2.4): {@code yyyy-MM-dd HH:mm:ss} in China Standard Time
 * (Asia/Shanghai, UTC+8), or ISO-8601 — with an offset or {@code Z}, or a local date-time also read in
 * Asia/Shanghai.
 */
public final class MessageTimes {
    /** The zone of local times in messages. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SPEC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MessageTimes() {
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
