package dustwatch.support.tracing;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the current trace context into the headers of a record sent by a raw Kafka producer (a
 * {@code KafkaTemplate} with observation does it by itself), with the configured propagation: W3C
 * {@code traceparent} by default ({@code management.tracing.propagation.produce}). Consumers with observation
 * continue that trace, so one trace id follows a reading from the push to its warning.
 */
public final class KafkaTraceHeaders {
    private final Tracer tracer;
    private final Propagator propagator;

    public KafkaTraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The propagation fields of the current span ({@code traceparent} by default), to keep with work that is sent
     * later, such as an outbox row; empty without a current span.
     */
    public Map<String, String> currentFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) {
            propagator.inject(context, fields, (carrier, key, value) -> {
                if (carrier != null) {
                    carrier.put(key, value);
                }
            });
        }
        return fields;
    }

    /** Adds (replacing) the propagation headers of the current span to {@code headers}; nothing without one. */
    public void inject(Headers headers) {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return;
        }
        propagator.inject(context, headers, (carrier, key, value) -> {
            if (carrier != null) {
                carrier.remove(key);
                carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
            }
        });
    }
}
