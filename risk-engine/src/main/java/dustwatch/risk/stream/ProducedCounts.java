package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.warning.Warning;
import org.apache.kafka.common.serialization.Serializer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Alarms (报警) by severity and status, and warnings (预警) by colour, that the topology wrote to its sinks since
 * start, counted as each record is serialized for its topic (a record of a transaction that is later aborted
 * is counted too; rare, and only after a failure).
 */
public final class ProducedCounts {
    private final Map<Severity, Map<AlarmStatus, LongAdder>> alarms = new EnumMap<>(Severity.class);
    private final Map<Colour, LongAdder> warnings = new EnumMap<>(Colour.class);

    ProducedCounts() {
        for (Severity s : Severity.values()) {
            Map<AlarmStatus, LongAdder> byStatus = new EnumMap<>(AlarmStatus.class);
            for (AlarmStatus st : AlarmStatus.values()) {
                byStatus.put(st, new LongAdder());
            }
            alarms.put(s, byStatus);
        }
        for (Colour c : Colour.values()) {
            warnings.put(c, new LongAdder());
        }
    }

    /** Alarm records of {@code severity} and {@code status} written since start. */
    public long alarms(Severity severity, AlarmStatus status) {
        return alarms.get(severity).get(status).sum();
    }

    /** Warnings of {@code colour} written since start. */
    public long warnings(Colour colour) {
        return warnings.get(colour).sum();
    }

    Serializer<Alarm> countingAlarms(Serializer<Alarm> serializer) {
        return (topic, alarm) -> {
            if (alarm != null && alarm.severity() != null && alarm.status() != null) {
                alarms.get(alarm.severity()).get(alarm.status()).increment();
            }
            return serializer.serialize(topic, alarm);
        };
    }

    Serializer<Warning> countingWarnings(Serializer<Warning> serializer) {
        return (topic, warning) -> {
            if (warning != null && warning.colour() != null) {
                warnings.get(warning.colour()).increment();
            }
            return serializer.serialize(topic, warning);
        };
    }
}
