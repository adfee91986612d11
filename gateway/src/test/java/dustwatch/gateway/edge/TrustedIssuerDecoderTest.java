package dustwatch.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedIssuerDecoderTest {
    static final String OURS = "http://localhost:8180/realms/dustwatch";
    final AtomicInteger delegated = new AtomicInteger();
    final ReactiveJwtDecoder delegate = token -> {
        delegated.incrementAndGet();
        return Mono.just(Jwt.withTokenValue(token).header("alg", "none").claim("sub", "x")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build());
    };
    final TrustedIssuerDecoder decoder = new TrustedIssuerDecoder(OURS, delegate);

    static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedWithoutAKeyLookup() {
        assertThatThrownBy(() -> decoder.decode(jwt("{\"iss\":\"http://localhost:8180/realms/master\"}")).block())
                .isInstanceOf(BadJwtException.class).hasMessageContaining("realms/master");
        assertThat(delegated).hasValue(0);
    }

    @Test
    void ourIssuerAndTokensThatAreNoJwtGoToTheDelegate() {
        decoder.decode(jwt("{\"iss\":\"" + OURS + "\"}")).block();
        decoder.decode("not-a-jwt").block();
        decoder.decode(jwt("{\"sub\":\"no-issuer\"}")).block();
        assertThat(delegated).hasValue(3);
    }
}
