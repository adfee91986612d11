package dustwatch.alert.delivery;

import dustwatch.alert.routing.Audience;
import dustwatch.alert.routing.RoutedWarning;

import java.util.List;

/**
 * A way of pushing a warning (预警推送渠道) to its audiences: the on-duty console first; SMS, e-mail and webhooks are
 * to come. Implementations must not block: the Kafka consumer calls them in line.
 */
public interface DeliveryChannel {

    /** The channel name written on each {@code Notification}: {@code CONSOLE}, {@code SMS}, {@code EMAIL}, {@code WEBHOOK}. */
    String name();

    /**
     * Hands the warning over for delivery. Called at most once per warning id in normal operation; a channel should
     * still tolerate a repeat after a consumer restart.
     *
     * @return the audiences this channel took the warning for (one {@code Notification} is logged per audience)
     */
    List<Audience> deliver(RoutedWarning warning);
}
