package dustwatch.alert.routing;

import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.warning.Warning;

import java.util.List;

/**
 * A warning (预警) with the audiences the routing table gave it.
 *
 * @param warning              the warning as read from {@code dust.warning}
 * @param audiences            its addressees, lowest tier first, at most one per tier
 * @param routingConfigVersion {@link RoutingTable#configVersion()} of the table that routed it
 */
public record RoutedWarning(Warning warning, List<Audience> audiences, String routingConfigVersion) {

    public RoutedWarning {
        audiences = List.copyOf(audiences);
    }

    /** The tiers that actually got an audience (a district-level enterprise has no TOWN, for example). */
    public List<Tier> routedTiers() {
        return audiences.stream().map(Audience::tier).toList();
    }

    /**
     * The actor-level rule: a regulator receives the warning when its tier is routed for the colour and its region
     * covers the enterprise; an enterprise user receives its own; a city node nothing. Domain reference §4.3.
     */
    public boolean reaches(Actor actor) {
        return Audience.of(actor).map(audiences::contains).orElse(false);
    }
}
