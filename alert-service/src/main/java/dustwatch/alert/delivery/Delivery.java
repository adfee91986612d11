package dustwatch.alert.delivery;

import dustwatch.alert.routing.EventKind;
import dustwatch.contracts.region.Tier;

import java.time.Instant;
import java.util.List;

/**
 * One message to one recipient (推送记录), unique by (subject, step, recipient), with every attempt made for it.
 *
 * @param recipient    {@code <unit>/<staff id>}
 * @param routingWhy   the routing rule that chose the unit (and, for reminders, why it is repeated)
 * @param attempts     oldest first
 */
public record Delivery(long id, String subjectId, String step, String recipient, EventKind kind, String colour,
                       Tier unitTier, String unitCode, String person, String phone, String email, DeliveryStatus status,
                       int channelIndex, String routingWhy, String uscc, String regionCode, Instant createdAt,
                       Instant updatedAt, Instant readAt, List<Attempt> attempts) {

    /** One attempt on one channel (a retry is an attempt of its own). */
    public record Attempt(ChannelName channel, AttemptOutcome outcome, Receipt receipt, String detail, Instant at) {
    }
}
