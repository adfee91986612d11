package dustwatch.support.openapi;

import dustwatch.contracts.scope.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * The service's OpenAPI document at {@code /v3/api-docs} (springdoc): titled by {@code spring.application.name},
 * every operation under the {@value #BEARER} scheme (a Keycloak access token), one relative server {@code /} so that
 * the document is right both on the service and behind the gateway, which merges the services' documents into one.
 * The document is public (see {@code ResourceServerAutoConfiguration}): it describes the API, never data.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {
    /** Name of the security scheme every operation requires. */
    public static final String BEARER = "bearer";
    /** Where springdoc serves the document (its default, kept so that the gateway finds it on every service). */
    public static final String API_DOCS = "/v3/api-docs";

    static {
        // the caller, resolved from the token by ActorArgumentResolver: no request parameter of the API
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI dustwatchOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "dustwatch");
        return new OpenAPI()
                .info(new Info().title("dustwatch " + name).version("v1")
                        .description("粉尘涉爆企业安全生产风险监测预警系统 — " + name
                                + ". Times are ISO-8601 with the platform offset (+08:00); errors are RFC 9457 problem details."))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes(BEARER, bearerScheme()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The bearer scheme every dustwatch API declares (the gateway's merged document uses it too). */
    public static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Keycloak access token of realm dustwatch (访问令牌): claims dw_kind, dw_region, dw_uscc");
    }
}
