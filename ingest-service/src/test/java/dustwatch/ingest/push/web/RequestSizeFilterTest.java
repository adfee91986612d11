package dustwatch.ingest.push.web;

import dustwatch.contracts.topic.Json;
import dustwatch.ingest.push.IngestLimits;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte limit of a push or registration body, declared and chunked (break test H1). */
class RequestSizeFilterTest {
    static final int LIMIT = 1024;
    final RequestSizeFilter filter = new RequestSizeFilter(new IngestLimits(500, 1000, Duration.ofMinutes(5),
            Duration.ofHours(24), Duration.ofDays(30), DataSize.ofBytes(LIMIT)));

    /** A request whose body arrives chunked: no Content-Length. */
    static MockHttpServletRequest chunked(String method, String uri, byte[] body) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, uri) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        r.setContent(body);
        r.addHeader("Transfer-Encoding", "chunked");
        return r;
    }

    @Test
    void aDeclaredLengthAboveTheLimitIs413BeforeTheBodyIsRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/ingest/messages");
        request.setContent(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(response.getContentAsByteArray());
        assertThat(problem.get("detail").stringValue()).contains("declares 1025 bytes").contains("the limit is 1024 bytes");
        assertThat(problem.get("limit").longValue()).isEqualTo(LIMIT);
        assertThat(chain.getRequest()).as("the controller was not reached").isNull();
    }

    @Test
    void aChunkedBodyIsCountedAnd413OncePastTheLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(chunked("PUT", "/api/v1/registry/enterprises/x", new byte[LIMIT * 3]), response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(Json.MAPPER.readTree(response.getContentAsByteArray()).get("detail").stringValue())
                .startsWith("the chunked body exceeds 1024 bytes");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheControllerIntact() throws Exception {
        byte[] body = "{\"messages\":[]}".getBytes();
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(chunked("POST", "/api/v1/ingest/messages", body), response, chain);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(chain.getRequest().getContentLengthLong()).isEqualTo(body.length);
    }

    @Test
    void otherEndpointsAreNotLimited() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/readings");
        request.setContent(new byte[LIMIT * 2]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isSameAs(request);
    }
}
