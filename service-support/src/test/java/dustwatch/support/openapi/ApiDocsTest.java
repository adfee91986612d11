package dustwatch.support.openapi;

import dustwatch.contracts.scope.Actor;
import dustwatch.support.security.FixedTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /v3/api-docs} of a servlet service: public, bearer scheme declared, every controller endpoint listed. */
@SpringBootTest(classes = ApiDocsTest.TestApp.class, properties = "spring.application.name=disposal-service")
@AutoConfigureMockMvc
class ApiDocsTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String apiDocs() throws Exception {
        return mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theDocumentNeedsNoTokenAndDeclaresTheBearerScheme() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("dustwatch disposal-service"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0].bearer").isArray())
                .andExpect(jsonPath("$.servers[0].url").value("/"));
    }

    @Test
    void everyControllerEndpointIsDocumented() throws Exception {
        assertThat(ApiDocsCoverage.endpoints(apiDocs()))
                .containsExactlyElementsOf(ApiDocsCoverage.endpoints(mappings))
                .containsExactly("GET /api/v1/warnings/{id}", "POST /api/v1/warnings/{id}/sign-in");
    }

    @Test
    void theCallerIsNoParameter() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/v1/warnings/{id}'].get.parameters.length()").value(1))
                .andExpect(jsonPath("$.paths['/api/v1/warnings/{id}'].get.parameters[0].name").value("id"));
    }

    @Test
    void aMissingEndpointIsNoticed() {
        String withoutSignIn = """
                {"paths":{"/api/v1/warnings/{id}":{"get":{}}}}""";
        assertThat(ApiDocsCoverage.endpoints(withoutSignIn)).isNotEqualTo(ApiDocsCoverage.endpoints(mappings));
        assertThat(ApiDocsCoverage.withoutRegex("/api/v1/x/{id:\\d+}/y")).isEqualTo("/api/v1/x/{id}/y");
    }

    @SpringBootApplication
    static class TestApp {
        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(Map.of());
        }

        @RestController
        static class Warnings {
            @GetMapping("/api/v1/warnings/{id}")
            String detail(@PathVariable String id, Actor actor) {
                return id;
            }

            @PostMapping("/api/v1/warnings/{id:[0-9a-f-]+}/sign-in")
            String signIn(@PathVariable String id, Actor actor) {
                return id;
            }
        }
    }
}
