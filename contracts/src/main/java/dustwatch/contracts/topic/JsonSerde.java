package dustwatch.contracts.topic;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kafka serde that writes a record type as UTF-8 JSON with {@link Json#MAPPER} (or another mapper).
 *
 * @param <T> the event record
 */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;
    private final JsonMapper mapper;

    public JsonSerde(Class<T> type) {
        this(type, Json.MAPPER);
    }

    /** @param mapper e.g. {@link Json#DATA_KEYED} for values whose property names are data */
    public JsonSerde(Class<T> type, JsonMapper mapper) {
        this.type = type;
        this.mapper = mapper;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : mapper.writeValueAsBytes(data);
    }

    /** Returns null for a null payload (a tombstone); throws {@link SerializationException} on malformed JSON. */
    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return mapper.readValue(bytes, type);
            } catch (RuntimeException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic, e);
            }
        };
    }
}
