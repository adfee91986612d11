package dustwatch.ingest.push.web;

import dustwatch.contracts.topic.Json;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PushAdmissionTest {
    private final PushAdmission admission = new PushAdmission(new PushAdmission.Settings(2, 1, Duration.ofMillis(50), Duration.ofSeconds(3)));
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger passed = new AtomicInteger();
    private final FilterChain blocking = (req, res) -> {
        passed.incrementAndGet();
        try {
            release.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @AfterEach
    void clear() {
        release.countDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNodeOverItsShareIs429AndAFullServiceIs503BothWithRetryAfterAndTheyRecover() throws Exception {
        Thread a = hold("putian-node");
        Thread b = hold("xiamen-node");
        waitUntil(() -> passed.get() == 2);

        MockHttpServletResponse sameNode = push("putian-node", (req, res) -> passed.incrementAndGet());
        assertThat(sameNode.getStatus()).isEqualTo(429);
        assertThat(sameNode.getHeader("Retry-After")).isEqualTo("3");
        assertThat(sameNode.getContentType()).isEqualTo("application/problem+json");
        assertThat(Json.MAPPER.readTree(sameNode.getContentAsString()).path("code").asString()).isEqualTo("NODE_BUSY");

        MockHttpServletResponse full = push("fuzhou-node", (req, res) -> passed.incrementAndGet());
        assertThat(full.getStatus()).isEqualTo(503);
        assertThat(full.getHeader("Retry-After")).isEqualTo("3");
        assertThat(Json.MAPPER.readTree(full.getContentAsString()).path("code").asString()).isEqualTo("SERVICE_BUSY");
        assertThat(passed.get()).as("refused pushes never reach the service").isEqualTo(2);

        release.countDown();
        a.join(5000);
        b.join(5000);
        MockHttpServletResponse after = push("putian-node", (req, res) -> passed.incrementAndGet());
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(passed.get()).as("admitted again once the others finished").isEqualTo(3);
    }

    @Test
    void onlyPushesAreCounted() throws Exception {
        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/readings");
        assertThat(admission.shouldNotFilter(read)).isTrue();
        assertThat(admission.shouldNotFilter(new MockHttpServletRequest("POST", "/api/v1/ingest/messages"))).isFalse();
        assertThat(admission.shouldNotFilter(new MockHttpServletRequest("POST", "/api/v1/ingest/envelope"))).isFalse();
    }

    private Thread hold(String node) {
        return Thread.ofPlatform().start(() -> {
            try {
                push(node, blocking);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private MockHttpServletResponse push(String node, FilterChain chain) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(node, null, "ROLE_NODE"));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/ingest/messages");
        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(request, response, chain);
        return response;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
