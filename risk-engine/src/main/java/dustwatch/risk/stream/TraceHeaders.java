package dustwatch.risk.stream;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The trace context of a record (W3C {@code traceparent}, {@code tracestate}) through the topology. A record the
 * processors derive with {@code withValue} keeps its input's headers; the alarms, assessments and warnings built
 * anew because of an input record get that record's trace headers ({@link #of}), so the reading's trace id reaches
 * alert-service and disposal-service. Records of the wall-clock punctuator belong to no reading and carry none.
 * While a record is processed its trace id is in the MDC ({@link #inMdc}): the log lines of the alarms and warnings
 * it raises show it (Spring Boot's correlation pattern, or the JSON logs' {@code traceId}).
 */
final class TraceHeaders {
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** The MDC keys Micrometer Tracing uses, read by Spring Boot's log correlation. */
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceHeaders() {
    }

    /** New headers holding only the trace headers of {@code input} (none when it has none). */
    static Headers of(Headers input) {
        RecordHeaders trace = new RecordHeaders();
        for (String key : List.of(TRACEPARENT, TRACESTATE)) {
            Header header = input == null ? null : input.lastHeader(key);
            if (header != null) {
                trace.add(key, header.value());
            }
        }
        return trace;
    }

    /** The trace context in {@code headers}, read by OpenTelemetry's W3C propagator; invalid when there is none. */
    static SpanContext spanContext(Headers headers) {
        if (headers == null || headers.lastHeader(TRACEPARENT) == null) {
            return SpanContext.getInvalid();
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
        return Span.fromContext(context).getSpanContext();
    }

    /**
     * Puts the trace and span id of {@code headers} in the MDC until {@link Scope#close()}, which puts back what was
     * there before (processors forward to each other on the same thread).
     */
    static Scope inMdc(Headers headers) {
        String traceId = MDC.get(TRACE_ID);
        String spanId = MDC.get(SPAN_ID);
        SpanContext context = spanContext(headers);
        if (context.isValid()) {
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
        } else {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
        return new Scope(traceId, spanId);
    }

    /** Restores the MDC's trace ids of before {@link #inMdc}. */
    record Scope(String traceId, String spanId) implements AutoCloseable {
        @Override
        public void close() {
            restore(TRACE_ID, traceId);
            restore(SPAN_ID, spanId);
        }

        private static void restore(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}
