package dustwatch.alert.routing;

import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;

import java.util.Optional;

/**
 * One addressee of a warning push (推送对象): a government tier's region, or the enterprise itself.
 *
 * @param tier the tier (ENTERPRISE, TOWN, DISTRICT, CITY or PROVINCE)
 * @param code the region code of a government audience (e.g. {@code 350304}), or the USCC for ENTERPRISE
 */
public record Audience(Tier tier, String code) {

    /**
     * The audience an actor listens as: its USCC for an enterprise user, its own region for a regulator, none for a
     * city aggregation node (machines do not watch consoles).
     */
    public static Optional<Audience> of(Actor actor) {
        return switch (actor.kind()) {
            case ENTERPRISE -> Optional.of(new Audience(Tier.ENTERPRISE, actor.uscc()));
            case REGULATOR -> Optional.of(new Audience(actor.tier(), actor.region().value()));
            case CITY_NODE -> Optional.empty();
        };
    }
}
