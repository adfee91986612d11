package dustwatch.gateway.edge;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.text.ParseException;

/**
 * Refuses a token whose (unverified) {@code iss} is not our issuer before its signature is looked at, so a
 * token of another issuer (e.g. the same Keycloak's master realm) is a prompt 401. Without this its unknown
 * key id made the decoder fetch the issuer's JWK set again on every such request, an outbound call per
 * foreign token that at times answered the caller nothing for over 20 s. Everything else (no {@code iss},
 * not a JWT, our issuer) goes to the delegate, which verifies signature, expiry and issuer.
 */
final class TrustedIssuerDecoder implements ReactiveJwtDecoder {
    private final String issuer;
    private final ReactiveJwtDecoder delegate;

    TrustedIssuerDecoder(String issuer, ReactiveJwtDecoder delegate) {
        this.issuer = issuer;
        this.delegate = delegate;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String claimed;
        try {
            claimed = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return delegate.decode(token); // not a JWT: the delegate refuses it (or, in a test, knows it)
        }
        if (claimed != null && !issuer.equals(claimed)) {
            return Mono.error(new BadJwtException("The token was issued by " + claimed + ", not by " + issuer));
        }
        return delegate.decode(token);
    }
}
