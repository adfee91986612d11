package dustwatch.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The scrape path {@code /actuator/prometheus}: readable with the scrape credential
 * ({@link ScrapeProperties}, HTTP Basic) and nothing else. A user's bearer token is verified as on every other
 * path and then refused (403, like every actuator endpoint but health); no credential is a 401. Without a
 * configured password the path is closed to everyone. A chain of its own, ahead of the API chain, so that the
 * API chain's rules stay as they are.
 */
@AutoConfiguration
@EnableConfigurationProperties(ScrapeProperties.class)
public class ScrapeSecurityAutoConfiguration {
    /** The authority of the scrape credential; no token converter ever grants it. */
    static final String SCRAPE_AUTHORITY = "DUSTWATCH_METRICS_SCRAPE";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain dustwatchScrapeSecurity(HttpSecurity http, ScrapeProperties scrape) throws Exception {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (scrape.enabled()) {
            users.createUser(User.withUsername(scrape.username()).password(encoder.encode(scrape.password()))
                    .authorities(SCRAPE_AUTHORITY).build());
        }
        DaoAuthenticationProvider basic = new DaoAuthenticationProvider(users);
        basic.setPasswordEncoder(encoder);
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(basic)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(SCRAPE_AUTHORITY))
                .httpBasic(b -> b.authenticationEntryPoint(ProblemWriter.unauthorized()))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ActorAuthorities()))
                        .authenticationEntryPoint(ProblemWriter.unauthorized())
                        .accessDeniedHandler(ProblemWriter.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemWriter.unauthorized())
                        .accessDeniedHandler(ProblemWriter.forbidden()));
        return http.build();
    }
}
