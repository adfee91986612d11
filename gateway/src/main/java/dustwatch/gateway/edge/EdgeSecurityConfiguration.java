package dustwatch.gateway.edge;

import dustwatch.gateway.GatewayProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge's token check: a stateless reactive resource server whose JWTs are verified against
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or a {@code ReactiveJwtDecoder} bean).
 * <ul>
 *   <li>{@code /actuator/health/**}, the merged OpenAPI document {@code /v3/api-docs}, Swagger UI, and
 *       {@code POST /api/v1/ingest/envelope} (the national envelope, which ingest authenticates by appid and
 *       appsecret): public;</li>
 *   <li>{@code /api/**}: a valid bearer token whose {@code dw_kind} names a known kind, else 401 (no or bad
 *       token) or 403 (no kind) problem details, 503 with {@code Retry-After} when the issuer cannot be
 *       reached to verify the token;</li>
 *   <li>anything else: a valid token (the gateway then answers 404).</li>
 * </ul>
 * A token of another issuer is refused by its {@code iss} before any key lookup ({@link TrustedIssuerDecoder}).
 * The {@code Authorization} header is passed on unchanged: the services verify it again and scope by region.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class EdgeSecurityConfiguration {

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, JsonMapper json, GatewayProperties properties,
                                        ReactiveJwtDecoder decoder,
                                        @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        ProblemResponses problems = new ProblemResponses(json, properties);
        ReactiveJwtAuthenticationConverter kinds = new ReactiveJwtAuthenticationConverter();
        kinds.setJwtGrantedAuthoritiesConverter(new KindAuthorities());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the national SM4 envelope authenticates by appid + appsecret, checked by ingest
                        .pathMatchers(HttpMethod.POST, "/api/v1/ingest/envelope").permitAll()
                        // the merged OpenAPI document and Swagger UI describe the API, never data
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/swagger-ui/**").permitAll()
                        .pathMatchers("/api/**").hasAnyAuthority(KindAuthorities.all())
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(kinds)
                                .jwtDecoder(issuer.isBlank() ? decoder : new TrustedIssuerDecoder(issuer, decoder)))
                        .authenticationEntryPoint(problems.unauthorized())
                        .authenticationFailureHandler(problems.authenticationFailure())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }
}
