package dustwatch.gateway.edge;

import dustwatch.contracts.scope.Actor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Flux;

import java.util.Arrays;

/**
 * Turns a token's {@code dw_kind} claim ({@link Actor#CLAIM_KIND}) into the one authority
 * {@code DW_KIND_<kind>} ({@code REGULATOR}, {@code ENTERPRISE}, {@code CITY_NODE}). A token whose claim is
 * missing or names no known kind gets no authority, and the edge answers it 403. Tier and region rules are
 * not applied here: each service checks the token again and scopes by region (architecture "Tokens and scope").
 */
public final class KindAuthorities implements Converter<Jwt, Flux<GrantedAuthority>> {

    /** Prefix of the authorities this converter grants. */
    public static final String PREFIX = "DW_KIND_";

    /** Every authority a caller of {@code /api/**} may hold, one per {@link Actor.Kind}. */
    public static String[] all() {
        return Arrays.stream(Actor.Kind.values()).map(k -> PREFIX + k.name()).toArray(String[]::new);
    }

    @Override
    public Flux<GrantedAuthority> convert(Jwt jwt) {
        String kind = jwt.getClaimAsString(Actor.CLAIM_KIND);
        return Arrays.stream(Actor.Kind.values()).anyMatch(k -> k.name().equals(kind))
                ? Flux.just(new SimpleGrantedAuthority(PREFIX + kind))
                : Flux.empty();
    }
}
