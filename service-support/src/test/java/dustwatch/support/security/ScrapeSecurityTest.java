package dustwatch.support.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The real {@code /actuator/prometheus} endpoint behind the shared chains: the scrape credential reads it, no user
 * token of any kind does (403, as for every actuator endpoint but health), a wrong password or no credential is
 * 401, and the rest of the actuator stays closed even to the scraper.
 */
@SpringBootTest(classes = ScrapeSecurityTest.TestApp.class, properties = {
        "management.endpoints.web.exposure.include=health,prometheus,metrics",
        "dustwatch.metrics.scrape.username=scraper",
        "dustwatch.metrics.scrape.password=s3cret"})
@AutoConfigureMockMvc
class ScrapeSecurityTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry meters;

    @Test
    void theScrapeCredentialReadsTheMetrics() throws Exception {
        meters.counter("dustwatch.test.scraped").increment(3);
        String body = mvc.perform(get("/actuator/prometheus").with(httpBasic("scraper", "s3cret")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("dustwatch_test_scraped_total 3.0");
    }

    @Test
    void userTokensCannotReadTheMetrics() throws Exception {
        for (String token : TestApp.TOKENS.keySet()) {
            mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer forged")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("scraper", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void theScraperReadsNothingElse() throws Exception {
        mvc.perform(get("/actuator/metrics").with(httpBasic("scraper", "s3cret"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics").header("Authorization", "Bearer licheng")).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @SpringBootApplication
    static class TestApp {
        static final Map<String, Map<String, Object>> TOKENS = Map.of(
                "province", Map.of("preferred_username", "fujian-duty", "dw_kind", "REGULATOR", "dw_region", "350000"),
                "enterprise", Map.of("preferred_username", "hongfu-safety", "dw_kind", "ENTERPRISE", "dw_uscc", "91350304MA2DW0004U"),
                "node", Map.of("sub", "putian-node", "dw_kind", "CITY_NODE", "dw_region", "350300"),
                "licheng", Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304"));

        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(TOKENS);
        }
    }
}
