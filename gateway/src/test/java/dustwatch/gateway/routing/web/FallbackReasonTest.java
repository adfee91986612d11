package dustwatch.gateway.routing.web;

import dustwatch.gateway.routing.web.FallbackController.Reason;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a failure that reached the fallback is named in the 503 problem's {@code reason}. */
class FallbackReasonTest {

    @Test
    void aRefusedConnectionWrappedByNettyIsConnectionRefused() {
        Exception netty = new IllegalStateException("io", new ConnectException("Connection refused: /127.0.0.1:8084"));
        assertThat(FallbackController.classify(netty)).isEqualTo(Reason.CONNECTION_REFUSED);
    }

    @Test
    void theGatewaysResponseTimeoutAndTheTimeLimiterAreTimeouts() {
        assertThat(FallbackController.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                "Response took longer than timeout: PT10S"))).isEqualTo(Reason.TIMEOUT);
        assertThat(FallbackController.classify(new TimeoutException("Did not observe any item within 12000ms")))
                .isEqualTo(Reason.TIMEOUT);
        assertThat(FallbackController.classify(new ResponseStatusException(HttpStatus.BAD_GATEWAY)))
                .isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void anOpenBreakerIsCircuitOpen() {
        CircuitBreaker disposal = CircuitBreaker.ofDefaults("disposal");
        disposal.transitionToOpenState();
        assertThat(FallbackController.classify(CallNotPermittedException.createCallNotPermittedException(disposal)))
                .isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(FallbackController.classify(null)).isEqualTo(Reason.UNAVAILABLE);
    }
}
