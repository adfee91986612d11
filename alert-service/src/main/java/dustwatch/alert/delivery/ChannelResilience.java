package dustwatch.alert.delivery;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * resilience4j per channel, from {@code dustwatch.alert.notify.resilience.<CHANNEL>}: each try passes the bulkhead
 * and the circuit breaker; the retry repeats failed tries but not refusals (breaker open, bulkhead full).
 */
@Component
public class ChannelResilience {
    private record Guards(Retry retry, CircuitBreaker breaker, Bulkhead bulkhead) {
    }

    private final Map<ChannelName, Guards> guards = new EnumMap<>(ChannelName.class);

    public ChannelResilience(NotifyProperties properties) {
        properties.resilience().forEach((name, r) -> guards.put(name, new Guards(
                Retry.of(name + "-retry", RetryConfig.custom().maxAttempts(r.maxAttempts()).waitDuration(r.retryWait())
                        .ignoreExceptions(CallNotPermittedException.class, BulkheadFullException.class).build()),
                CircuitBreaker.of(name + "-breaker", CircuitBreakerConfig.custom()
                        .failureRateThreshold(r.failureRateThreshold()).minimumNumberOfCalls(r.minimumCalls())
                        .slidingWindowSize(r.slidingWindow()).waitDurationInOpenState(r.openFor())
                        .permittedNumberOfCallsInHalfOpenState(1).build()),
                Bulkhead.of(name + "-bulkhead", BulkheadConfig.custom().maxConcurrentCalls(r.maxConcurrent())
                        .maxWaitDuration(Duration.ofMillis(200)).build()))));
    }

    /** Runs {@code call} through the channel's bulkhead, breaker and retry. */
    public <T> T call(ChannelName name, Callable<T> call) throws Exception {
        Guards g = guards.get(name);
        Callable<T> guarded = Bulkhead.decorateCallable(g.bulkhead(), call);
        guarded = CircuitBreaker.decorateCallable(g.breaker(), guarded);
        return Retry.decorateCallable(g.retry(), guarded).call();
    }

    /** The breaker's state, for the delivery log and tests. */
    public CircuitBreaker.State state(ChannelName name) {
        return guards.get(name).breaker().getState();
    }
}
