package dustwatch.alert.console.messaging;

import dustwatch.alert.console.ConsoleHub;
import dustwatch.alert.routing.Audience;
import dustwatch.alert.routing.RoutingTable;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.warning.Warning;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code dust.disposal-events} (group {@code dustwatch.alert.console.disposal-group-id}, read committed) and
 * announces each warning's lifecycle and escalation steps to the consoles: routed as the warning itself is (colour ×
 * tier × region, {@link RoutingTable}), and an escalation step also to the region of its target tier (the tier that
 * must act). An event that cannot be routed is logged and skipped; a failure to write the console log is rethrown so
 * the container retries the record.
 */
@Component
class DisposalEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(DisposalEventListener.class);

    private final ConsoleHub hub;
    private final RoutingTable routing;

    DisposalEventListener(ConsoleHub hub, RoutingTable routing) {
        this.hub = hub;
        this.routing = routing;
    }

    @KafkaListener(id = "alert-console-disposal-events", idIsGroup = false,
            groupId = "${dustwatch.alert.console.disposal-group-id}",
            topics = "#{T(dustwatch.contracts.topic.Topics).DISPOSAL_EVENTS.name()}",
            containerFactory = ConsoleKafkaConfiguration.DISPOSAL_LISTENER_FACTORY)
    void onDisposalEvent(ConsumerRecord<String, DisposalEvent> record) {
        DisposalEvent event = record.value();
        if (event == null || event.warningId() == null) {
            return;
        }
        try {
            if (hub.announce(event, audiences(event))) {
                LOG.info("{} of warning {} ({}) announced to consoles", event.action(), event.warningId(), event.uscc());
            }
        } catch (IllegalArgumentException unroutable) {
            LOG.warn("disposal event {} at {}-{}@{} skipped: {}", event.eventId(), record.topic(), record.partition(),
                    record.offset(), unroutable.getMessage());
        }
    }

    /** The warning's audiences, plus the target tier's region for an escalation step. */
    private List<Audience> audiences(DisposalEvent event) {
        Warning asRouted = new Warning(event.warningId(), event.uscc(), null, event.regionCode(), event.colour(),
                event.at(), null, null, List.of(), null, null);
        List<Audience> audiences = new ArrayList<>(routing.route(asRouted).audiences());
        Tier target = event.targetTier();
        if (target != null && target != Tier.ENTERPRISE) {
            RegionCode region = RegionCode.of(event.regionCode());
            if (target.atOrAbove(region.tier())) {
                Audience acting = new Audience(target, region.ancestor(target).value());
                if (!audiences.contains(acting)) {
                    audiences.add(acting);
                }
            }
        }
        return audiences;
    }
}
