package dustwatch.ingest.platform;

import dustwatch.support.security.ActorAuthorities;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Registry writes ({@code PUT /api/v1/registry/enterprises/{uscc}}) are for city nodes only, while reads of the
 * same path are for regulators and enterprise users. The shared chain of service-support matches paths without
 * methods, so this chain, ordered before it, claims the PUT alone and requires {@code KIND_CITY_NODE}; 401 and
 * 403 are problem details like the shared chain's.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryWriteSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain registryWriteChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.PUT, "/api/v1/registry/enterprises/*"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(ActorAuthorities.PREFIX + "CITY_NODE"))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ActorAuthorities()))
                        .authenticationEntryPoint((req, res, e) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            write(res, HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
                        })
                        .accessDeniedHandler((req, res, e) -> write(res, HttpStatus.FORBIDDEN,
                                "Only city aggregation nodes may register enterprises")))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> write(res, HttpStatus.FORBIDDEN,
                        "Only city aggregation nodes may register enterprises")));
        return http.build();
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
