package dustwatch.gateway.admission;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PushLimitsTest {
    private final PushLimits limits = new PushLimits(new PushLimits.Settings(2, 1, Duration.ofSeconds(2)), JsonMapper.builder().build());
    private final AtomicInteger forwarded = new AtomicInteger();

    @Test
    void aCallerOverItsShareIs429AndAFullGatewayIs503WithRetryAfterUntilPushesEnd() {
        Sinks.Empty<Void> first = Sinks.empty();
        Sinks.Empty<Void> second = Sinks.empty();
        limits.filter(push("putian-node"), holding(first)).subscribe();

        ServerWebExchange again = push("putian-node");
        limits.filter(again, passing()).block(Duration.ofSeconds(5));
        assertThat(again.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(again.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(((MockServerWebExchange) again).getResponse().getBodyAsString().block()).contains("\"reason\":\"NODE_BUSY\"");

        limits.filter(push("fuzhou-node"), holding(second)).subscribe();
        ServerWebExchange full = push("xiamen-node");
        limits.filter(full, passing()).block(Duration.ofSeconds(5));
        assertThat(full.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(full.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(((MockServerWebExchange) full).getResponse().getBodyAsString().block()).contains("\"reason\":\"GATEWAY_BUSY\"");
        assertThat(forwarded.get()).as("only the two held pushes were forwarded").isEqualTo(2);

        first.tryEmitEmpty();
        second.tryEmitEmpty();
        ServerWebExchange after = push("putian-node");
        limits.filter(after, passing()).block(Duration.ofSeconds(5));
        assertThat(after.getResponse().getStatusCode()).isNotIn(HttpStatus.TOO_MANY_REQUESTS, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(forwarded.get()).isEqualTo(3);
    }

    @Test
    void otherRequestsAreNotCounted() {
        Sinks.Empty<Void> held = Sinks.empty();
        limits.filter(push("putian-node"), holding(held)).subscribe();
        ServerWebExchange read = exchange(MockServerHttpRequest.get("/api/v1/readings").build(), "putian-node");
        limits.filter(read, passing()).block(Duration.ofSeconds(5));
        assertThat(forwarded.get()).isEqualTo(2);
        held.tryEmitEmpty();
    }

    private GatewayFilterChain holding(Sinks.Empty<Void> until) {
        return exchange -> {
            forwarded.incrementAndGet();
            return until.asMono();
        };
    }

    private GatewayFilterChain passing() {
        return exchange -> {
            forwarded.incrementAndGet();
            return Mono.empty();
        };
    }

    private static ServerWebExchange push(String caller) {
        return exchange(MockServerHttpRequest.post("/api/v1/ingest/messages").build(), caller);
    }

    private static ServerWebExchange exchange(MockServerHttpRequest request, String caller) {
        Principal principal = () -> caller;
        return MockServerWebExchange.builder(request).principal(principal).build();
    }
}
