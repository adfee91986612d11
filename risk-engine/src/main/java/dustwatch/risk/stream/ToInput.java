package dustwatch.risk.stream;

import dustwatch.contracts.deadletter.DeadLetter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Instant;
import java.util.function.Function;

/**
 * Turns the records of one source topic into typed {@link RiskInput}s for the assessment processor. A record
 * without value (other than a registry tombstone, which {@code allowNull} passes on) goes to the dead-letter
 * topic with the reason.
 */
final class ToInput<V> implements Processor<String, V, String, Object> {
    private final String sourceTopic;
    private final Function<V, RiskInput> mapping;
    private final boolean allowNull;
    private ProcessorContext<String, Object> context;

    ToInput(String sourceTopic, Function<V, RiskInput> mapping, boolean allowNull) {
        this.sourceTopic = sourceTopic;
        this.mapping = mapping;
        this.allowNull = allowNull;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null || (record.value() == null && !allowNull)) {
            DeadLetter letter = new DeadLetter(sourceTopic, record.key(), null,
                    record.key() == null ? "MISSING_KEY" : "MISSING_VALUE",
                    record.key() == null ? "记录没有企业代码（键）" : "记录没有内容", RiskTopology.SERVICE,
                    Instant.ofEpochMilli(context.currentSystemTimeMs()));
            context.forward(record.withValue((Object) letter), RiskTopology.DEAD_LETTER_SINK);
            return;
        }
        context.forward(record.withValue((Object) mapping.apply(record.value())), RiskTopology.ASSESSMENT);
    }
}
