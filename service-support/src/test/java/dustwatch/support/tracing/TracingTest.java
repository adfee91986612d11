package dustwatch.support.tracing;

import dustwatch.support.security.FixedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shipped tracing defaults in a servlet service: a request arriving with a W3C {@code traceparent} continues
 * that trace, and a record built during it carries the same trace id ({@link KafkaTraceHeaders}); no exporter of
 * spans, metrics or logs is made (no collector runs here); the log lines expect correlation ids.
 */
@SpringBootTest(classes = TracingTest.TestApp.class)
@AutoConfigureMockMvc
class TracingTest {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;

    @Test
    void aRequestsTraceparentIsContinuedIntoTheRecordHeaders() throws Exception {
        String traceparent = mvc.perform(get("/test/record-headers").header("Authorization", "Bearer licheng")
                        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .as("a span of this service, child of the caller's").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void withoutATraceparentTheRequestStartsATrace() throws Exception {
        String traceparent = mvc.perform(get("/test/record-headers").header("Authorization", "Bearer licheng"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(TRACE_ID);
    }

    @Test
    void nothingIsExportedByDefaultAndLogLinesCarryTheIds() {
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
        assertThat(context.getBeansOfType(MeterRegistry.class).values())
                .noneMatch(r -> r.getClass().getSimpleName().startsWith("Otlp"));
        assertThat(environment.getProperty("management.tracing.export.otlp.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("logging.expect-correlation-id", Boolean.class)).isTrue();
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled", Boolean.class)).isTrue();
    }

    @SpringBootApplication
    static class TestApp {
        @Bean
        JwtDecoder jwtDecoder() {
            return FixedTokens.decoder(Map.of("licheng",
                    Map.of("preferred_username", "licheng-duty", "dw_kind", "REGULATOR", "dw_region", "350304")));
        }

        @RestController
        static class RecordHeadersController {
            private final KafkaTraceHeaders trace;

            RecordHeadersController(KafkaTraceHeaders trace) {
                this.trace = trace;
            }

            /** The traceparent a record built in this request gets. */
            @GetMapping("/test/record-headers")
            String recordHeaders() {
                RecordHeaders headers = new RecordHeaders();
                trace.inject(headers);
                return headers.lastHeader("traceparent") == null ? "none"
                        : new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            }
        }
    }
}
