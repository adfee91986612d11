package dustwatch.support.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Instant;
import java.util.Map;

/**
 * Test fixture (service-support's test-jar): a {@link JwtDecoder} that knows a fixed set of token strings and
 * the claims each stands for, so a service's tests drive the real security chain without an issuer. Never
 * for main code: it accepts unsigned tokens.
 */
public final class FixedTokens {
    private FixedTokens() {
    }

    /**
     * @param claimsByToken token string → its claims ({@code dw_kind}, {@code dw_region}, …)
     * @return a decoder that throws {@link BadJwtException} (answered 401) for any other token
     */
    public static JwtDecoder decoder(Map<String, Map<String, Object>> claimsByToken) {
        return token -> {
            Map<String, Object> claims = claimsByToken.get(token);
            if (claims == null) {
                throw new BadJwtException("unknown test token");
            }
            return Jwt.withTokenValue(token).header("alg", "none").claims(c -> c.putAll(claims))
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
        };
    }
}
