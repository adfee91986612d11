package dustwatch.alert.routing;

import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dustwatch.alert.routing.*}: the tiers each warning colour is pushed to (推送路由). Defaults in
 * application.yml follow domain reference §4.3 and the Licheng plan: BLUE and YELLOW → ENTERPRISE, TOWN, DISTRICT;
 * ORANGE → + CITY; RED → + PROVINCE.
 *
 * @param configVersion version string stamped on every routed warning and notification
 * @param blue          tiers of a blue warning (key {@code dustwatch.alert.routing.BLUE})
 * @param yellow        tiers of a yellow warning
 * @param orange        tiers of an orange warning
 * @param red           tiers of a red warning
 */
@ConfigurationProperties("dustwatch.alert.routing")
public record RoutingProperties(String configVersion, List<Tier> blue, List<Tier> yellow, List<Tier> orange,
                                List<Tier> red) {

    /** @throws IllegalArgumentException when the version or a colour's list is missing (an empty list is allowed) */
    public RoutingProperties {
        if (configVersion == null || configVersion.isBlank()) {
            throw new IllegalArgumentException("dustwatch.alert.routing.config-version is required");
        }
        require(blue, "BLUE");
        require(yellow, "YELLOW");
        require(orange, "ORANGE");
        require(red, "RED");
    }

    /** The lists keyed by colour. */
    public Map<Colour, List<Tier>> byColour() {
        Map<Colour, List<Tier>> map = new EnumMap<>(Colour.class);
        map.put(Colour.BLUE, blue);
        map.put(Colour.YELLOW, yellow);
        map.put(Colour.ORANGE, orange);
        map.put(Colour.RED, red);
        return map;
    }

    private static void require(List<Tier> tiers, String colour) {
        if (tiers == null) {
            throw new IllegalArgumentException("dustwatch.alert.routing." + colour + " is required (use [] for nobody)");
        }
    }
}
