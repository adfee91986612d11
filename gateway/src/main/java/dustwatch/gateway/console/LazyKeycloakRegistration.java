package dustwatch.gateway.console;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * The console's one client registration ({@value #ID}): the public Keycloak client {@code dustwatch-console},
 * authorization code with PKCE (a public client sends no secret, so Spring adds PKCE), read from the
 * issuer's discovery document on first use rather than at start-up, so that the gateway starts while Keycloak
 * is still starting. A failed discovery is retried at the next login.
 */
final class LazyKeycloakRegistration implements ReactiveClientRegistrationRepository {
    static final String ID = "keycloak";

    private final Mono<ClientRegistration> registration;

    LazyKeycloakRegistration(String issuerUri, String clientId) {
        this.registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(issuerUri)
                        .registrationId(ID)
                        .clientId(clientId)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope("openid")
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(IllegalArgumentException.class, e -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.set(HttpHeaders.RETRY_AFTER, "5");
                    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The sign-in service (Keycloak) cannot be reached; try again in a moment.", e) {
                        @Override
                        public HttpHeaders getHeaders() {
                            return headers;
                        }
                    };
                })
                .cache(ok -> Duration.ofDays(36500), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return ID.equals(registrationId) ? registration : Mono.empty();
    }
}
