package dustwatch.alert.channel.console;

import dustwatch.alert.console.ConsoleHub;
import dustwatch.alert.delivery.Channel;
import dustwatch.alert.delivery.ChannelName;
import dustwatch.alert.delivery.Message;
import dustwatch.alert.delivery.Receipt;
import dustwatch.alert.delivery.Reminders;
import dustwatch.alert.routing.RoutingTable;
import dustwatch.contracts.region.Tier;
import org.springframework.stereotype.Component;

/**
 * The duty console (值班台) as a channel: a warning's first announcement is handed to {@link ConsoleHub} (which
 * pushes each warning id once), a reminder (催办) to an enterprise is pushed to its consoles as a {@code reminder} event
 * (each step once), and every message is listed in the unit's delivery log; the receipt is
 * {@code CONSOLE_QUEUED}, and the person's acknowledgement ({@code POST …/deliveries/{id}/read}) makes it read.
 * Unread past the colour's limit, the next channel follows.
 */
@Component
class ConsoleChannel implements Channel {
    private final ConsoleHub hub;
    private final RoutingTable streamRouting;

    ConsoleChannel(ConsoleHub hub, RoutingTable streamRouting) {
        this.hub = hub;
        this.streamRouting = streamRouting;
    }

    @Override
    public ChannelName name() {
        return ChannelName.CONSOLE;
    }

    @Override
    public boolean canReach(Message message) {
        return true;
    }

    @Override
    public Receipt send(Message message) {
        if (message.warning() != null) {
            hub.deliver(streamRouting.route(message.warning()));
        } else if (message.step().startsWith(Reminders.STEP_PREFIX) && message.unitTier() == Tier.ENTERPRISE) {
            hub.remind(message.subjectId(), message.step(), message.unitCode(), message.text());
        }
        return Receipt.CONSOLE_QUEUED;
    }
}
