package dustwatch.risk.assessment.web;

import dustwatch.support.security.FixedTokens;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.risk.Fixtures;
import dustwatch.contracts.alarm.Severity;
import dustwatch.risk.assessment.AssessmentsUnavailableException;
import dustwatch.risk.assessment.EnterpriseStatus;
import dustwatch.risk.assessment.LatestAssessments;
import dustwatch.support.security.ResourceServerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP contract of {@code GET /api/v1/risk/enterprises/{uscc}}: scope, 404, 503 with Retry-After. */
@WebMvcTest(AssessmentController.class)
@org.springframework.context.annotation.Import(InstanceForwarder.class)
@ImportAutoConfiguration(ResourceServerAutoConfiguration.class)
class AssessmentControllerTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryAssessments assessments;

    @Test
    void aRegulatorCoveringTheTownSeesTheAssessmentWithItsFactors() throws Exception {
        assessments.starting.set(false);
        mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.WOOD_PLANT).header("Authorization", "Bearer licheng"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.colour").value("YELLOW"))
                .andExpect(jsonPath("$.factors[0].code").value("DUST_TYPE"))
                .andExpect(jsonPath("$.configVersion").value("risk-model-2026.1"));
    }

    @Test
    void outsideScopeAndUnknownAreBoth404Problems() throws Exception {
        assessments.starting.set(false);
        mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.WOOD_PLANT).header("Authorization", "Bearer xindu"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.WOOD_PLANT).header("Authorization", "Bearer otherplant"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.ALMG_SHOP).header("Authorization", "Bearer licheng"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theStatusNamesFactorsOpenAlarmsOnlineAndCleaningWithinScope() throws Exception {
        assessments.starting.set(false);
        mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.WOOD_PLANT + "/status").header("Authorization", "Bearer licheng"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assessment.factors[1].code").value("ALARM_MAJOR"))
                .andExpect(jsonPath("$.openAlarms[0].rule").value("DRY_HOPPER_TEMP_HIGH"))
                .andExpect(jsonPath("$.online").value(false))
                .andExpect(jsonPath("$.gateways[0].online").value(false))
                .andExpect(jsonPath("$.cleaningCompliance").value(0.5))
                .andExpect(jsonPath("$.openWarningColour").value("YELLOW"));
        mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.WOOD_PLANT + "/status").header("Authorization", "Bearer xindu"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aStoreNotYetQueryableAnswers503WithRetryAfter() throws Exception {
        assessments.starting.set(true);
        mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.WOOD_PLANT).header("Authorization", "Bearer licheng"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void anEnterpriseHeldByAnotherInstanceIsAnsweredByItWithTheCallersTokenAndNeverForwardedTwice() throws Exception {
        assessments.starting.set(false);
        var seen = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var other = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + exchange.getRequestHeaders().getFirst(InstanceForwarder.FORWARDED));
            byte[] body = "{\"uscc\":\"held-there\",\"colour\":\"RED\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            assessments.elsewhere.set(java.net.URI.create("http://127.0.0.1:" + other.getAddress().getPort()));
            mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.ALMG_SHOP + "/status").header("Authorization", "Bearer licheng"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.colour").value("RED"));
            assertThat(seen).containsExactly("/api/v1/risk/enterprises/" + Fixtures.ALMG_SHOP + "/status Bearer licheng 1");
            // a request that was already forwarded is answered where it arrives (here: not known → 404)
            mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.ALMG_SHOP).header("Authorization", "Bearer licheng")
                            .header(InstanceForwarder.FORWARDED, "1"))
                    .andExpect(status().isNotFound());
            assertThat(seen).hasSize(1);
            // the other instance not answering is a 503 with Retry-After, not a 500
            other.stop(0);
            mvc.perform(get("/api/v1/risk/enterprises/" + Fixtures.ALMG_SHOP).header("Authorization", "Bearer licheng"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"));
        } finally {
            assessments.elsewhere.set(null);
            other.stop(0);
        }
    }

    /** Stands in for the Kafka Streams store: the wood plant is assessed YELLOW; may pretend to be rebalancing. */
    static final class InMemoryAssessments implements LatestAssessments {
        final AtomicBoolean starting = new AtomicBoolean();
        /** When set: every enterprise's state is held by the instance at this URI. */
        final java.util.concurrent.atomic.AtomicReference<java.net.URI> elsewhere = new java.util.concurrent.atomic.AtomicReference<>();

        @Override
        public Optional<java.net.URI> heldElsewhere(String uscc) {
            return Optional.ofNullable(elsewhere.get());
        }
        private final Map<String, RiskAssessment> byUscc = Map.of(Fixtures.WOOD_PLANT, new RiskAssessment(
                Fixtures.WOOD_PLANT, Fixtures.HUANGSHI, Instant.parse("2026-05-01T02:01:00Z"), 57, InherentLevel.B, 20,
                DynamicBand.L, Colour.YELLOW, null, List.of(new RiskFactor("DUST_TYPE", 20, "木质粉尘 20"),
                new RiskFactor("ALARM_MAJOR", 20, "灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s 20")), "risk-model-2026.1"));

        @Override
        public Optional<RiskAssessment> find(String uscc) {
            if (starting.get()) {
                throw new AssessmentsUnavailableException("streams are REBALANCING", null);
            }
            return Optional.ofNullable(byUscc.get(uscc));
        }

        @Override
        public Optional<EnterpriseStatus> status(String uscc) {
            return find(uscc).map(a -> new EnterpriseStatus(uscc, a.regionCode(), a, List.of(new EnterpriseStatus.OpenAlarm(
                    "DRY_HOPPER_TEMP_HIGH", uscc + "-DC001-DRY_HOPPER_TEMP-1", Severity.MAJOR, a.assessedAt(),
                    "灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s")), false, List.of(new EnterpriseStatus.GatewayStatus(uscc + "-GW01",
                    a.assessedAt(), false)), List.of(), 0.5, "w-1", Colour.YELLOW, a.assessedAt()));
        }
    }

    @TestConfiguration
    @org.springframework.security.config.annotation.web.configuration.EnableWebSecurity
    static class Beans {
        static final Map<String, Map<String, Object>> TOKENS = Map.of(
                "licheng", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304"),
                "xindu", Map.of("preferred_username", "xindu-duty", "dw_kind", "REGULATOR", "dw_region", Fixtures.XINDU),
                "otherplant", Map.of("preferred_username", "xindu-safety", "dw_kind", "ENTERPRISE", "dw_region", Fixtures.XINDU,
                        "dw_uscc", Fixtures.ALMG_SHOP));

        @Bean
        InMemoryAssessments assessments() {
            return new InMemoryAssessments();
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(TOKENS);
        }
    }
}
