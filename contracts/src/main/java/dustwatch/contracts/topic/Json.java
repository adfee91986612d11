package dustwatch.contracts.topic;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper used on the wire. Instants are written as ISO-8601 strings (UTC, {@code Z}); unknown
 * properties are ignored so that a producer may add a field without breaking an older consumer.
 */
public final class Json {
    /** Shared, thread-safe mapper for every event on every topic. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }
}
