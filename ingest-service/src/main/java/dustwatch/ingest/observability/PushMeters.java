package dustwatch.ingest.observability;

import dustwatch.ingest.push.PushOutcome;
import dustwatch.ingest.push.Reason;
import dustwatch.ingest.push.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.List;
import java.util.Map;

/**
 * Counts what the answers to {@code POST /api/v1/ingest/messages} say, read off the answer itself (the push
 * code is not touched): {@code dustwatch.ingest.messages{outcome=accepted|duplicate|rejected}} per message, and
 * {@code dustwatch.ingest.rejections{reason=<ReasonCode>, scope=message|request}} per reason of a refused
 * message ({@code scope=message}) or per whole request refused with a code ({@code scope=request}).
 */
@ControllerAdvice
public class PushMeters implements ResponseBodyAdvice<Object> {
    static final String PUSH_PATH = "/api/v1/ingest/messages";
    private final MeterRegistry meters;

    public PushMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (PUSH_PATH.equals(request.getURI().getPath())) {
            record(body);
        }
        return body;
    }

    /** Counts one answer: a {@link PushOutcome} (202), or a problem carrying one (422) or a request's code. */
    void record(Object body) {
        if (body instanceof PushOutcome outcome) {
            messages(outcome.accepted(), outcome.duplicates(), outcome.rejected());
        } else if (body instanceof ProblemDetail problem && problem.getProperties() != null) {
            Map<String, Object> p = problem.getProperties();
            if (p.get("rejected") instanceof List<?> rejected) {
                messages(number(p.get("accepted")), number(p.get("duplicates")), rejected);
            } else if (p.get("code") != null) {
                rejection(String.valueOf(p.get("code")), "request");
            }
        }
    }

    private void messages(int accepted, int duplicates, List<?> rejected) {
        counter("accepted").increment(accepted);
        counter("duplicate").increment(duplicates);
        counter("rejected").increment(rejected.size());
        for (Object r : rejected) {
            if (r instanceof Verdict.Rejected refused) {
                for (Reason reason : refused.reasons()) {
                    rejection(reason.code().name(), "message");
                }
            }
        }
    }

    private Counter counter(String outcome) {
        return Counter.builder("dustwatch.ingest.messages").description("pushed messages by outcome")
                .tag("outcome", outcome).register(meters);
    }

    private void rejection(String reason, String scope) {
        Counter.builder("dustwatch.ingest.rejections").description("reasons of refused messages and requests")
                .tag("reason", reason).tag("scope", scope).register(meters).increment();
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
