package dustwatch.ingest.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code dustwatch.ingest.push} timer: how long a push ({@code POST /api/v1/ingest/messages} or the national
 * {@code /api/v1/ingest/envelope}) takes from the first byte read to the answer, by {@code path} and
 * {@code status}, with a percentile histogram for p50/p95/p99 in Prometheus.
 */
@Component
public class PushTimer extends OncePerRequestFilter {
    private final MeterRegistry meters;

    public PushTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || path(request.getRequestURI()) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long t0 = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Timer.builder("dustwatch.ingest.push").description("push requests from the first byte to the answer")
                    .tag("path", path(request.getRequestURI())).tag("status", String.valueOf(response.getStatus()))
                    .publishPercentileHistogram().register(meters)
                    .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private static String path(String uri) {
        return switch (uri) {
            case "/api/v1/ingest/messages" -> "messages";
            case "/api/v1/ingest/envelope" -> "envelope";
            default -> null;
        };
    }
}
