package dustwatch.contracts.availability;

import java.time.Instant;

/**
 * A gateway or an enterprise went offline (离线) or came back: the value on {@code dust.offline}, keyed by USCC.
 * Raised by the risk engine from wall-clock time when nothing arrived for the timeout (domain reference §2.6),
 * ended on the first message that arrives again.
 *
 * @param eventId    id of this event (consumers are idempotent on it)
 * @param uscc       enterprise code
 * @param regionCode the enterprise's region
 * @param scope      GATEWAY, ENTERPRISE (all gateways offline) or POINT (a mandatory point silent while its
 *                   gateway still sends, §2.6)
 * @param subject    the gateway code for GATEWAY, the USCC for ENTERPRISE, the point code for POINT
 * @param status     START (went offline) or END (back online)
 * @param lastSeen   when the last message of the subject arrived
 * @param at         when the platform noticed (wall-clock time)
 */
public record OfflineEvent(
        String eventId,
        String uscc,
        String regionCode,
        String scope,
        String subject,
        String status,
        Instant lastSeen,
        Instant at) {
}
