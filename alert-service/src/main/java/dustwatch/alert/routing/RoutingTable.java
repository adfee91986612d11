package dustwatch.alert.routing;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.warning.Warning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The routing table (推送路由表): colour → tiers, and from there a warning's audiences. Domain reference §4.3
 * ("higher colour → higher tier informed"); the tiers come from {@link RoutingProperties}.
 */
public final class RoutingTable {
    private final Map<Colour, List<Tier>> tiers = new EnumMap<>(Colour.class);
    private final String configVersion;

    /**
     * @param tiers         the tiers per colour; a colour left out is routed to nobody; duplicates are dropped
     * @param configVersion the version stamped on what this table routes
     */
    public RoutingTable(Map<Colour, List<Tier>> tiers, String configVersion) {
        for (Colour colour : Colour.values()) {
            List<Tier> list = tiers.getOrDefault(colour, List.of()).stream().distinct()
                    .sorted(Comparator.comparing(Tier::ordinal).reversed()).toList();
            this.tiers.put(colour, list);
        }
        this.configVersion = configVersion;
    }

    /** The table of {@code dustwatch.alert.routing.*}. */
    public static RoutingTable from(RoutingProperties properties) {
        return new RoutingTable(properties.byColour(), properties.configVersion());
    }

    /** The routed tiers of a colour, lowest first (ENTERPRISE, TOWN, DISTRICT, CITY, PROVINCE). */
    public List<Tier> tiersFor(Colour colour) {
        return tiers.get(colour);
    }

    public String configVersion() {
        return configVersion;
    }

    /**
     * The audiences of a warning: the USCC for ENTERPRISE, and for each routed government tier the region of that
     * tier enclosing the enterprise ({@link RegionCode#ancestor(Tier)}). A tier below the enterprise's region has no
     * audience: an enterprise registered directly under a district (6-digit code) has no TOWN.
     *
     * @throws IllegalArgumentException when the warning has no colour or USCC, or a malformed region code
     */
    public RoutedWarning route(Warning warning) {
        if (warning.colour() == null || warning.uscc() == null || warning.uscc().isBlank()) {
            throw new IllegalArgumentException("warning " + warning.warningId() + " lacks a colour or a USCC");
        }
        RegionCode region = RegionCode.of(warning.regionCode());
        List<Audience> audiences = new ArrayList<>();
        for (Tier tier : tiersFor(warning.colour())) {
            if (tier == Tier.ENTERPRISE) {
                audiences.add(new Audience(tier, warning.uscc()));
            } else if (tier.atOrAbove(region.tier())) {
                audiences.add(new Audience(tier, region.ancestor(tier).value()));
            }
        }
        return new RoutedWarning(warning, audiences, configVersion);
    }

    /**
     * True when {@code actor} receives {@code warning} under this table (see {@link RoutedWarning#reaches(Actor)}).
     *
     * @throws IllegalArgumentException as {@link #route(Warning)}
     */
    public boolean reaches(Actor actor, Warning warning) {
        return route(warning).reaches(actor);
    }
}
