package dustwatch.contracts.topic;

import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
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

    /**
     * {@link #MAPPER} for JSON whose property names are data, such as the risk engine's state, maps keyed by point
     * and gateway code: hundreds of thousands of distinct names for the country's enterprises. Jackson's shared
     * symbol table (on in {@link #MAPPER}, where names are a type's fields) then copies itself on almost every
     * parse: 28.5 % of the risk engine's CPU with 43,000 enterprises registered ({@code docs/performance.md}).
     * Without it Jackson reads through a character reader, a little slower for fixed names.
     */
    public static final JsonMapper DATA_KEYED = JsonMapper.builder(JsonFactory.builder()
                    .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }
}
