package dustwatch.support.security;

import dustwatch.contracts.scope.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shared chain, with a decoder that knows three fixed tokens instead of an issuer's keys. */
@SpringBootTest(classes = ResourceServerTest.TestApp.class,
        properties = "dustwatch.security.city-node-paths=/api/v1/ingest/**,PUT /api/v1/registry/enterprises/*")
@AutoConfigureMockMvc
class ResourceServerTest {
    @Autowired
    MockMvc mvc;

    @Test
    void noTokenIsA401Problem() throws Exception {
        mvc.perform(get("/api/v1/whoami"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer forged"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aRegulatorIsResolvedAsAnActor() throws Exception {
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer licheng"))
                .andExpect(status().isOk())
                .andExpect(content().string("licheng-duty DISTRICT 350304"));
    }

    @Test
    void cityNodesMayOnlyPush() throws Exception {
        mvc.perform(post("/api/v1/ingest/messages").header("Authorization", "Bearer node"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer node"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(post("/api/v1/ingest/messages").header("Authorization", "Bearer licheng"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMethodEntryReservesOnlyThatMethodForCityNodes() throws Exception {
        mvc.perform(put("/api/v1/registry/enterprises/91350304MA2DW0004U").header("Authorization", "Bearer node"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/registry/enterprises/91350304MA2DW0004U").header("Authorization", "Bearer licheng"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registry/enterprises/91350304MA2DW0004U").header("Authorization", "Bearer licheng"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/registry/enterprises/91350304MA2DW0004U").header("Authorization", "Bearer node"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTokenWithoutDustwatchClaimsIsForbidden() throws Exception {
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer bare"))
                .andExpect(status().isForbidden());
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void actuatorEndpointsOtherThanHealthAreClosedToEveryone() throws Exception {
        mvc.perform(get("/actuator/metrics").header("Authorization", "Bearer licheng"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("about:blank"));
        mvc.perform(get("/actuator/metrics").header("Authorization", "Bearer node"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
    }

    @Test
    void aProblemWithoutATypeGetsAboutBlank() throws Exception {
        mvc.perform(get("/api/v1/missing").header("Authorization", "Bearer licheng"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.detail").value("not in your scope"));
    }

    @SpringBootApplication
    static class TestApp {
        static final Map<String, Map<String, Object>> TOKENS = Map.of(
                "licheng", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304"),
                "node", Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", "350300"),
                "bare", Map.of("sub", "someone"));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(TOKENS);
        }

        @RestController
        static class Probe {
            @GetMapping("/api/v1/whoami")
            String whoami(Actor actor) {
                return actor.username() + " " + actor.tier() + " " + actor.region();
            }

            @PostMapping("/api/v1/ingest/messages")
            String push() {
                return "ok";
            }

            @org.springframework.web.bind.annotation.RequestMapping(path = "/api/v1/registry/enterprises/{uscc}",
                    method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.PUT})
            String enterprise() {
                return "ok";
            }

            @GetMapping("/actuator/metrics")
            String metrics() {
                return "{}";
            }

            @GetMapping("/api/v1/missing")
            org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> missing() {
                return org.springframework.http.ResponseEntity.status(404).body(org.springframework.http.ProblemDetail
                        .forStatusAndDetail(org.springframework.http.HttpStatus.NOT_FOUND, "not in your scope"));
            }

            @GetMapping("/actuator/health")
            String health() {
                return "UP";
            }
        }
    }
}
