package dustwatch.gateway.edge;

import dustwatch.gateway.GatewayProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/**
 * {@code /actuator/prometheus} of the gateway: readable with the scrape credential ({@code dustwatch.metrics.scrape},
 * HTTP Basic, as Prometheus' {@code basic_auth} sends it) and nothing else; a bearer token of any user is 401.
 * Without a configured password nobody reads it. Ordered after the console chain (which takes only requests
 * without an {@code Authorization} header, and answers those 401) and before the edge chain.
 */
@Configuration(proxyBeanMethods = false)
public class ScrapeSecurityConfiguration {
    static final String SCRAPE_AUTHORITY = "DUSTWATCH_METRICS_SCRAPE";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityWebFilterChain scrapeSecurity(ServerHttpSecurity http, JsonMapper json, GatewayProperties properties,
                                          @Value("${dustwatch.metrics.scrape.username:prometheus}") String username,
                                          @Value("${dustwatch.metrics.scrape.password:}") String password) {
        ProblemResponses problems = new ProblemResponses(json, properties);
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        // no password configured: a random one nobody knows, so that the path is closed
        String secret = password.isBlank() ? UUID.randomUUID().toString() : password;
        var users = new MapReactiveUserDetailsService(User.withUsername(username).password(encoder.encode(secret))
                .authorities(SCRAPE_AUTHORITY).build());
        var basic = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        basic.setPasswordEncoder(encoder);
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator/prometheus", "/actuator/prometheus/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(b -> b.authenticationManager(basic).authenticationEntryPoint(problems.unauthorized()))
                .authorizeExchange(auth -> auth.anyExchange().hasAuthority(SCRAPE_AUTHORITY))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }
}
