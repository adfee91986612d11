package dustwatch.contracts.scope;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;

import java.util.Map;

/**
 * The caller of an API, read from the access token's claims. A regulator sees every entity whose region
 * code lies under its own; an enterprise user sees only its own enterprise; a city aggregation node (市级汇聚节点)
 * may only push data for enterprises in its city. Source: architecture "Tiers and scope".
 *
 * @param username the token's {@code preferred_username} (or {@code sub})
 * @param kind     what sort of caller this is
 * @param region   the region the actor answers for (for an enterprise user: its enterprise's region)
 * @param uscc     the enterprise's USCC for an enterprise user, else null
 */
public record Actor(String username, Kind kind, RegionCode region, String uscc) {

    /** Claim carrying the {@link Kind}. */
    public static final String CLAIM_KIND = "dw_kind";
    /** Claim carrying the region code. */
    public static final String CLAIM_REGION = "dw_region";
    /** Claim carrying the enterprise USCC (enterprise users only). */
    public static final String CLAIM_USCC = "dw_uscc";

    /** The sorts of caller. */
    public enum Kind {
        /** A government user (监管部门) of the province, a city, a district or a town. */
        REGULATOR,
        /** An enterprise user (企业安全管理员). */
        ENTERPRISE,
        /** A city aggregation node (市级汇聚节点), a machine client. */
        CITY_NODE
    }

    public Actor {
        if (kind == Kind.ENTERPRISE && (uscc == null || uscc.isBlank())) {
            throw new IllegalArgumentException("an enterprise actor needs a USCC");
        }
    }

    /**
     * Reads an actor from token claims.
     *
     * @throws IllegalArgumentException when a claim is missing or malformed (callers answer 403)
     */
    public static Actor fromClaims(Map<String, Object> claims) {
        Object name = claims.getOrDefault("preferred_username", claims.get("sub"));
        Object kind = claims.get(CLAIM_KIND);
        Object region = claims.get(CLAIM_REGION);
        if (kind == null || region == null) {
            throw new IllegalArgumentException("token lacks " + CLAIM_KIND + " or " + CLAIM_REGION);
        }
        Object uscc = claims.get(CLAIM_USCC);
        return new Actor(String.valueOf(name), Kind.valueOf(kind.toString()),
                RegionCode.of(region.toString()), uscc == null ? null : uscc.toString());
    }

    /** The actor's tier: ENTERPRISE for enterprise users, else the tier of its region code. */
    public Tier tier() {
        return kind == Kind.ENTERPRISE ? Tier.ENTERPRISE : region.tier();
    }

    /** True when this actor may see data of enterprise {@code enterpriseUscc} located in {@code enterpriseRegion}. */
    public boolean canSee(String enterpriseUscc, RegionCode enterpriseRegion) {
        return switch (kind) {
            case ENTERPRISE -> uscc.equals(enterpriseUscc);
            case REGULATOR -> region.covers(enterpriseRegion);
            case CITY_NODE -> false;
        };
    }
}
