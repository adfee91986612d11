package dustwatch.gateway.console;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token relay for console sessions (the BFF half of Spring Cloud Gateway's {@code TokenRelay}): a routed
 * request of a logged-in browser leaves the gateway with {@code Authorization: Bearer <the session's access
 * token>} (refreshed first when it is about to expire) and without the browser's cookies and CSRF header, so
 * the services see exactly what a script with a token would send. When the tokens cannot be had any more (the
 * refresh token expired or the Keycloak session was ended) the session is invalidated and the answer is a
 * 401 problem of type {@value ConsoleProblems#SESSION_ENDED}. Requests that brought their own
 * {@code Authorization} header pass untouched.
 */
@Component
class SessionTokenRelay implements GlobalFilter, Ordered {

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ConsoleProblems problems;

    SessionTokenRelay(ReactiveOAuth2AuthorizedClientManager clients, JsonMapper json) {
        this.clients = clients;
        this.problems = new ConsoleProblems(json);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        return accessToken(clients, exchange)
                .defaultIfEmpty(Relay.NO_SESSION)
                .flatMap(relay -> {
                    if (relay == Relay.NO_SESSION) {
                        return chain.filter(exchange);
                    }
                    if (relay.token() == null) {
                        return exchange.getSession().flatMap(WebSession::invalidate).then(problems.sessionEnded(exchange));
                    }
                    return chain.filter(exchange.mutate().request(r -> r.headers(h -> {
                        h.remove(HttpHeaders.COOKIE);
                        h.remove("X-XSRF-TOKEN");
                        h.setBearerAuth(relay.token());
                    })).build());
                });
    }

    /**
     * The session's access token: empty Mono when the request has no console session, a {@link Relay} with a
     * null token when the session exists but its tokens are gone.
     */
    static Mono<Relay> accessToken(ReactiveOAuth2AuthorizedClientManager clients, ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(login -> clients.authorize(OAuth2AuthorizeRequest
                                .withClientRegistrationId(login.getAuthorizedClientRegistrationId())
                                .principal(login)
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build())
                        .map(client -> Relay.token(client.getAccessToken().getTokenValue()))
                        .onErrorResume(OAuth2AuthorizationException.class, e -> Mono.just(Relay.ENDED))
                        .defaultIfEmpty(Relay.ENDED));
    }

    @Override
    public int getOrder() {
        return 0;
    }

    /** What the relay does with a request. */
    record Relay(String token) {
        static final Relay NO_SESSION = new Relay("");
        static final Relay ENDED = new Relay(null);

        static Relay token(String token) {
            return new Relay(token);
        }
    }
}
