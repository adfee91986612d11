package dustwatch.contracts.notification;

import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;

import java.time.Instant;

/**
 * One delivery of a warning to one audience over one channel (预警推送记录). The value on
 * {@code dust.notifications}.
 *
 * @param notificationId id of this record
 * @param warningId      the warning pushed
 * @param uscc           enterprise code
 * @param colour         the warning's colour
 * @param tier           the tier of the audience (ENTERPRISE, TOWN, DISTRICT, CITY, PROVINCE)
 * @param audience       the region code of a government audience, or the USCC of the enterprise
 * @param channel        {@code CONSOLE}, {@code SMS}, {@code EMAIL} or {@code WEBHOOK}
 * @param status         {@code ROUTED}, {@code DELIVERED} or {@code FAILED}
 * @param at             when
 */
public record Notification(
        String notificationId,
        String warningId,
        String uscc,
        Colour colour,
        Tier tier,
        String audience,
        String channel,
        String status,
        Instant at) {
}
