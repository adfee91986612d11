package dustwatch.contracts.topic;

import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper used on the wire. Instants are written as ISO-8601 strings (UTC, {@code Z}); unknown
 * properties are ignored so that a producer may add a field without breaking an older consumer.
 * <p>Property names are not canonicalized: the risk engine's state and several events are maps keyed by point or
 * gateway code, hundreds of thousands of distinct names for the country's enterprises, and Jackson's shared symbol
 * table then copies itself on almost every parse (28.5 % of the risk engine's CPU with 43,000 enterprises
 * registered, {@code deploy/simulate-national.sh}; {@code docs/performance.md}).
 */
public final class Json {
    /** Shared, thread-safe mapper for every event on every topic. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }
}
