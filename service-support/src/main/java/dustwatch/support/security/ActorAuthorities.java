package dustwatch.support.security;

import dustwatch.contracts.scope.Actor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/**
 * Turns a verified JWT into an authentication whose single authority is {@code KIND_<Actor.Kind>}
 * ({@code KIND_REGULATOR}, {@code KIND_ENTERPRISE}, {@code KIND_CITY_NODE}); a token without a valid
 * {@code dw_kind} claim gets no authority and is refused with 403 on every API path.
 */
public final class ActorAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {
    /** Authority prefix. */
    public static final String PREFIX = "KIND_";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities;
        try {
            authorities = List.of(new SimpleGrantedAuthority(PREFIX + Actor.fromClaims(jwt.getClaims()).kind()));
        } catch (RuntimeException malformed) {
            authorities = List.of();
        }
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
    }
}
