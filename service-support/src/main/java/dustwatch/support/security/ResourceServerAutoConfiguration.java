package dustwatch.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The one resource-server set-up of the servlet services: stateless, bearer JWT from the issuer named by
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, health probes public, city nodes limited to
 * {@link SecurityProperties#cityNodePaths()}, regulators and enterprise users everywhere else (each
 * controller then scopes by region), every other actuator endpoint closed to everyone (401 without a
 * token, 403 with one). The OpenAPI document ({@code /v3/api-docs}) is public. 401 and 403 are problem details.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerAutoConfiguration {

    @Bean
    SecurityFilterChain dustwatchApiSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
        List<RequestMatcher> nodePaths = properties.cityNodePaths().stream().map(ResourceServerAutoConfiguration::matcher).toList();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(properties.publicPaths().stream().map(ResourceServerAutoConfiguration::matcher)
                            .toArray(RequestMatcher[]::new)).permitAll();
                    // actuator endpoints other than the public probes (metrics, env, …) are for no user of any tier
                    auth.requestMatchers("/actuator", "/actuator/**").denyAll();
                    // the OpenAPI document describes the API, never data: public, so the gateway can merge it
                    auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll();
                    if (!nodePaths.isEmpty()) {
                        auth.requestMatchers(nodePaths.toArray(RequestMatcher[]::new))
                                .hasAuthority(ActorAuthorities.PREFIX + "CITY_NODE");
                    }
                    auth.requestMatchers("/error").permitAll();
                    auth.anyRequest().hasAnyAuthority(ActorAuthorities.PREFIX + "REGULATOR", ActorAuthorities.PREFIX + "ENTERPRISE");
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ActorAuthorities()))
                        .authenticationEntryPoint(ProblemWriter.unauthorized())
                        .accessDeniedHandler(ProblemWriter.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemWriter.unauthorized())
                        .accessDeniedHandler(ProblemWriter.forbidden()));
        return http.build();
    }

    /**
     * A city-node path entry: {@code /api/v1/ingest/**} (every method) or {@code PUT /api/v1/registry/enterprises/*}.
     *
     * @throws IllegalArgumentException when the method is not an HTTP method
     */
    static RequestMatcher matcher(String entry) {
        String[] parts = entry.trim().split("\\s+", 2);
        return parts.length == 2
                ? PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0].toUpperCase()), parts[1])
                : PathPatternRequestMatcher.withDefaults().matcher(parts[0]);
    }

    @Bean
    WebMvcConfigurer actorArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver());
            }
        };
    }
}
