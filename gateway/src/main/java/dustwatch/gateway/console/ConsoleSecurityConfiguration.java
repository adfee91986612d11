package dustwatch.gateway.console;

import dustwatch.gateway.GatewayProperties;
import dustwatch.gateway.edge.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.AuthenticatedPrincipalServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

/**
 * The console's backend-for-frontend (docs/architecture.md "Console login"): every request that carries
 * <em>no</em> {@code Authorization} header is a browser's and is handled by this chain, ahead of the edge's
 * bearer-token chain, which keeps serving machine clients and scripts unchanged.
 * <ul>
 *   <li>the console's static files, {@code /console/session} and health: public (the session endpoint answers
 *       401 itself when there is no login);</li>
 *   <li>{@code /oauth2/authorization/keycloak} starts the authorization-code flow with PKCE, the callback
 *       {@code /login/oauth2/code/keycloak} ends it in a session cookie ({@code SESSION}, HttpOnly,
 *       SameSite=Lax); the tokens stay in the gateway's session store and never reach the browser;</li>
 *   <li>every other path needs that session, else 401 problem (the edge's answer, never a redirect: the
 *       console shows its own login page);</li>
 *   <li>{@code POST /logout} ends the session and Keycloak's (RP-initiated logout) and returns to {@code /};</li>
 *   <li>state-changing requests that carry a session cookie need the {@code X-XSRF-TOKEN} header (or
 *       {@code _csrf} form field) that {@code /console/session} hands out; 403 problem otherwise.</li>
 * </ul>
 * {@link SessionTokenRelay} puts the session's access token (refreshed when due) on the routed request.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    /** The session cookie of WebFlux's default session manager. */
    static final String SESSION_COOKIE = "SESSION";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    ReactiveClientRegistrationRepository consoleClientRegistrations(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${dustwatch.gateway.console.client-id}") String clientId) {
        return new LazyKeycloakRegistration(issuer, clientId);
    }

    @Bean
    ReactiveOAuth2AuthorizedClientService consoleAuthorizedClientService(ReactiveClientRegistrationRepository registrations) {
        return new InMemoryReactiveOAuth2AuthorizedClientService(registrations);
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository consoleAuthorizedClients(ReactiveOAuth2AuthorizedClientService service) {
        return new AuthenticatedPrincipalServerOAuth2AuthorizedClientRepository(service);
    }

    /** Hands out the session's access token, refreshing it with the refresh token when it is about to expire. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager consoleAuthorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                         ReactiveOAuth2AuthorizedClientService service) {
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, service);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, JsonMapper json, GatewayProperties properties,
                                           ReactiveClientRegistrationRepository registrations,
                                           ServerOAuth2AuthorizedClientRepository authorizedClients) {
        ProblemResponses problems = new ProblemResponses(json, properties);
        ConsoleProblems consoleProblems = new ConsoleProblems(json);
        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/?logged-out");
        var csrfHandler = new ServerCsrfTokenRequestAttributeHandler();
        return http
                .securityMatcher(withoutAuthorizationHeader())
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(unsafeWithSessionCookie())
                        .accessDeniedHandler(consoleProblems.csrfRefused()))
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/", "/index.html", "/assets/**", "/favicon.svg", "/console/session").permitAll()
                        // public without a session too: the API description, and the national envelope (ingest
                        // authenticates it by appid and appsecret)
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/swagger-ui/**").permitAll()
                        .pathMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/ingest/envelope").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler("/?login-error")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutSuccess))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    private static ServerWebExchangeMatcher withoutAuthorizationHeader() {
        return exchange -> exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                ? MatchResult.notMatch() : MatchResult.match();
    }

    /** A cross-site request can only ride on a session that exists: without the cookie there is nothing to forge. */
    private static ServerWebExchangeMatcher unsafeWithSessionCookie() {
        return exchange -> !SAFE.contains(exchange.getRequest().getMethod())
                && exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                ? MatchResult.match() : MatchResult.notMatch();
    }
}
