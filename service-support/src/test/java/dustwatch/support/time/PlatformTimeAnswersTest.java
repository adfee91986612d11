package dustwatch.support.time;

import dustwatch.support.security.FixedTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A servlet service's answers and problem details carry {@code dustwatch.time-zone}'s offset: +08:00 unless set. */
class PlatformTimeAnswersTest {
    static final Instant DEADLINE = Instant.parse("2026-12-06T14:40:05Z");

    @Nested
    @SpringBootTest(classes = TestApp.class, properties = "spring.mvc.problemdetails.enabled=true")
    @AutoConfigureMockMvc
    class ByDefault {
        @Autowired
        MockMvc mvc;

        @Test
        void anAnswerIsInChinaTime() throws Exception {
            mvc.perform(get("/api/v1/deadline").header("Authorization", "Bearer licheng"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.signInDeadline").value("2026-12-06T22:40:05+08:00"));
        }

        @Test
        void aProblemIsInChinaTime() throws Exception {
            mvc.perform(get("/api/v1/overdue").header("Authorization", "Bearer licheng"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.deadline").value("2026-12-06T22:40:05+08:00"));
        }
    }

    @Nested
    @SpringBootTest(classes = TestApp.class, properties = "dustwatch.time-zone=+06:00")
    @AutoConfigureMockMvc
    class Configured {
        @Autowired
        MockMvc mvc;

        @Test
        void theSettingChangesTheOffset() throws Exception {
            mvc.perform(get("/api/v1/deadline").header("Authorization", "Bearer licheng"))
                    .andExpect(jsonPath("$.signInDeadline").value("2026-12-06T20:40:05+06:00"));
        }
    }

    @SpringBootApplication
    static class TestApp {
        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(Map.of("licheng",
                    Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304")));
        }

        @RestController
        static class Deadlines {
            record Deadline(String warningId, Instant signInDeadline) {
            }

            @GetMapping("/api/v1/deadline")
            Deadline deadline() {
                return new Deadline("w-1", DEADLINE);
            }

            @GetMapping("/api/v1/overdue")
            Deadline overdue() {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "sign-in deadline passed");
                problem.setProperty("deadline", DEADLINE);
                throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
            }
        }
    }
}
