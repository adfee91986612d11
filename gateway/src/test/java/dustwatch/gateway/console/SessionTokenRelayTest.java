package dustwatch.gateway.console;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console session's tokens at the relay, with Spring's own authorized-client manager and refresh-token
 * provider (as {@code ConsoleSecurityConfiguration} builds them) and an in-memory token endpoint: a valid
 * access token is relayed as it is; an expired one is refreshed first and the new one relayed; when the
 * refresh is refused (Keycloak session ended, refresh token expired) the session is invalidated and the
 * answer is the 401 session-ended problem the console shows its "session ended" page for.
 */
class SessionTokenRelayTest {
    static final ClientRegistration KEYCLOAK = ClientRegistration.withRegistrationId("keycloak")
            .clientId("dustwatch-console")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("http://localhost/realms/dustwatch/protocol/openid-connect/auth")
            .tokenUri("http://localhost/realms/dustwatch/protocol/openid-connect/token")
            .build();

    final AtomicInteger refreshes = new AtomicInteger();
    final InMemoryReactiveOAuth2AuthorizedClientService service =
            new InMemoryReactiveOAuth2AuthorizedClientService(new InMemoryReactiveClientRegistrationRepository(KEYCLOAK));
    final OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(
            new DefaultOAuth2User(AuthorityUtils.createAuthorityList("OIDC_USER"), Map.of("sub", "licheng-duty"), "sub"),
            List.of(), "keycloak");

    SessionTokenRelay relay(ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenEndpoint) {
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
                new InMemoryReactiveClientRegistrationRepository(KEYCLOAK), service);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken(r -> r.accessTokenResponseClient(tokenEndpoint)).build());
        return new SessionTokenRelay(manager, JsonMapper.builder().build());
    }

    void signedIn(Instant accessTokenExpiresAt) {
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-1",
                accessTokenExpiresAt.minusSeconds(1800), accessTokenExpiresAt);
        service.saveAuthorizedClient(new OAuth2AuthorizedClient(KEYCLOAK, "licheng-duty", access,
                new OAuth2RefreshToken("refresh-1", Instant.now().minusSeconds(60))), login).block();
    }

    /** The routed request as it leaves the relay (null when the relay answered itself), and the session. */
    record Outcome(ServerWebExchange routed, MockServerWebExchange exchange, WebSession session) {
    }

    Outcome send(SessionTokenRelay relay) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/warnings")
                .header(HttpHeaders.COOKIE, "SESSION=s-1").header("X-XSRF-TOKEN", "csrf-1"));
        WebSession session = exchange.getSession().block();
        session.start();
        AtomicReference<ServerWebExchange> routed = new AtomicReference<>();
        GatewayFilterChain chain = e -> {
            routed.set(e);
            return Mono.empty();
        };
        relay.filter(exchange.mutate().principal(Mono.just(login)).build(), chain).block();
        return new Outcome(routed.get(), exchange, session);
    }

    @Test
    void aValidAccessTokenIsRelayedWithoutTheBrowsersCookies() {
        signedIn(Instant.now().plusSeconds(1200));
        Outcome outcome = send(relay(request -> {
            refreshes.incrementAndGet();
            return Mono.error(new IllegalStateException("no refresh expected"));
        }));
        HttpHeaders sent = outcome.routed().getRequest().getHeaders();
        assertThat(sent.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer access-1");
        assertThat(sent.containsHeader(HttpHeaders.COOKIE)).isFalse();
        assertThat(sent.containsHeader("X-XSRF-TOKEN")).isFalse();
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheNewOneRelayed() {
        signedIn(Instant.now().minusSeconds(5));
        Outcome outcome = send(relay(request -> {
            refreshes.incrementAndGet();
            assertThat(request.getRefreshToken().getTokenValue()).isEqualTo("refresh-1");
            return Mono.just(OAuth2AccessTokenResponse.withToken("access-2").tokenType(OAuth2AccessToken.TokenType.BEARER)
                    .expiresIn(1800).refreshToken("refresh-2").build());
        }));
        assertThat(refreshes).hasValue(1);
        assertThat(outcome.routed().getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer access-2");
        assertThat(service.loadAuthorizedClient("keycloak", "licheng-duty").block())
                .extracting(c -> ((OAuth2AuthorizedClient) c).getRefreshToken().getTokenValue()).isEqualTo("refresh-2");
        assertThat(outcome.session().isExpired()).isFalse();
    }

    @Test
    void aRefusedRefreshEndsTheSessionWithTheSessionEndedProblem() {
        signedIn(Instant.now().minusSeconds(5));
        Outcome outcome = send(relay(request -> {
            refreshes.incrementAndGet();
            return Mono.error(new OAuth2AuthorizationException(new OAuth2Error("invalid_grant", "Session not active", null)));
        }));
        assertThat(refreshes).hasValue(1);
        assertThat(outcome.routed()).as("nothing is routed").isNull();
        assertThat(outcome.exchange().getResponse().getStatusCode().value()).isEqualTo(401);
        assertThat(outcome.exchange().getResponse().getBodyAsString().block())
                .contains("\"type\":\"" + ConsoleProblems.SESSION_ENDED + "\"");
        assertThat(outcome.session().isExpired()).as("the gateway session is invalidated").isTrue();
    }
}
