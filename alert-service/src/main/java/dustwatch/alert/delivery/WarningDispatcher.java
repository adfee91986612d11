package dustwatch.alert.delivery;

import dustwatch.alert.routing.Audience;
import dustwatch.alert.routing.RoutedWarning;
import dustwatch.alert.routing.RoutingTable;
import dustwatch.contracts.notification.Notification;
import dustwatch.contracts.warning.Warning;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes each warning (预警) once: routes it (domain reference §4.3), hands it to every {@link DeliveryChannel} and
 * logs one {@code Notification} per channel and audience with status {@code ROUTED}.
 */
@Service
public class WarningDispatcher {
    /** Status of a notification that has been routed to an audience (not yet confirmed as read). */
    public static final String ROUTED = "ROUTED";

    private final RoutingTable routing;
    private final List<DeliveryChannel> channels;
    private final NotificationLog log;
    private final SeenWarnings seen;
    private final Clock clock;

    public WarningDispatcher(RoutingTable routing, List<DeliveryChannel> channels, NotificationLog log,
                             DeliveryProperties properties, Clock clock) {
        this.routing = routing;
        this.channels = List.copyOf(channels);
        this.log = log;
        this.seen = new SeenWarnings(properties.seenCapacity());
        this.clock = clock;
    }

    /**
     * Dispatches one warning.
     *
     * @return the routed warning, or empty when this warning id was already dispatched
     * @throws IllegalArgumentException when the warning cannot be routed (no colour, bad region code)
     * @throws NotificationLog.NotificationLogUnavailableException when the log could not be written; the warning is
     *                                                             not marked as seen, so a retry dispatches it again
     */
    public Optional<RoutedWarning> dispatch(Warning warning) {
        if (seen.contains(warning.warningId())) {
            return Optional.empty();
        }
        RoutedWarning routed = routing.route(warning);
        Instant now = clock.instant();
        List<Notification> notifications = new ArrayList<>();
        for (DeliveryChannel channel : channels) {
            for (Audience audience : channel.deliver(routed)) {
                notifications.add(new Notification(notificationId(warning, channel, audience), warning.warningId(),
                        warning.uscc(), warning.colour(), audience.tier(), audience.code(), channel.name(), ROUTED, now));
            }
        }
        log.append(routed, notifications);
        seen.add(warning.warningId());
        return Optional.of(routed);
    }

    /** Same warning, channel and audience → same id, so a consumer of the log can drop a repeat after a restart. */
    private static String notificationId(Warning warning, DeliveryChannel channel, Audience audience) {
        String key = warning.warningId() + "|" + channel.name() + "|" + audience.tier() + "|" + audience.code();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
