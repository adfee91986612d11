package dustwatch.alert.web;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems of alert-service's APIs, and who may act on which unit. */
public final class Problems {
    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** 404: out of the caller's scope reads as absent. */
    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, detail);
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    /** 403 unless the caller is a regulator of a district or higher. */
    public static void requireDistrictOrAbove(Actor actor) {
        if (actor.kind() != Actor.Kind.REGULATOR || !actor.tier().atOrAbove(Tier.DISTRICT)) {
            throw of(HttpStatus.FORBIDDEN, "only district, city and province units may do this");
        }
    }

    /** 403 for city nodes (machines). */
    public static void requirePerson(Actor actor) {
        if (actor.kind() == Actor.Kind.CITY_NODE) {
            throw of(HttpStatus.FORBIDDEN, "city aggregation nodes have no duty units");
        }
    }

    /**
     * Whether the actor is the unit or above it: a regulator whose region covers a government unit, an enterprise
     * user for its own USCC.
     */
    public static boolean governs(Actor actor, String unitCode) {
        return switch (actor.kind()) {
            case ENTERPRISE -> actor.uscc().equals(unitCode);
            case REGULATOR -> isRegion(unitCode) && actor.region().covers(RegionCode.of(unitCode));
            case CITY_NODE -> false;
        };
    }

    /** Whether the actor is the unit itself (its own duty room). */
    public static boolean isUnit(Actor actor, String unitCode) {
        return switch (actor.kind()) {
            case ENTERPRISE -> actor.uscc().equals(unitCode);
            case REGULATOR -> actor.region().value().equals(unitCode);
            case CITY_NODE -> false;
        };
    }

    public static boolean isRegion(String code) {
        try {
            RegionCode.of(code);
            return true;
        } catch (IllegalArgumentException notARegion) {
            return false;
        }
    }
}
