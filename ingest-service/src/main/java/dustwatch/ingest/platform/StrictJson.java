package dustwatch.ingest.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies strictly, for every endpoint that takes data from outside: a member named twice in one
 * object is refused ({@link ReasonCode#DUPLICATE_KEY}, never "the last one wins"), so is an unknown member of a
 * typed body (a misspelt {@code colectors} is not silently ignored), a fraction where a whole number belongs
 * ({@code dustWorkers: 12.7}) and trailing content after the document ({@link ReasonCode#MALFORMED_BODY}).
 */
public final class StrictJson {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private StrictJson() {
    }

    /** The JSON tree of {@code json}. */
    public static JsonNode tree(byte[] json) {
        if (json == null || json.length == 0) {
            throw new RejectedRequestException(ReasonCode.MALFORMED_BODY, "the body is empty");
        }
        try {
            return STRICT.readTree(json);
        } catch (JacksonException e) {
            throw refusal(e);
        }
    }

    /** {@code json} as a {@code type}. */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new RejectedRequestException(ReasonCode.MALFORMED_BODY, "the body is empty");
        }
        try {
            return STRICT.readValue(json, type);
        } catch (JacksonException e) {
            throw refusal(e);
        }
    }

    private static RejectedRequestException refusal(JacksonException e) {
        String message = e.getOriginalMessage();
        String where = e.getLocation() == null ? "" : " at " + e.getLocation().offsetDescription();
        if (message != null && message.startsWith("Duplicate ")) {
            return new RejectedRequestException(ReasonCode.DUPLICATE_KEY, message + where
                    + "; every member may appear once per object");
        }
        return new RejectedRequestException(ReasonCode.MALFORMED_BODY, "the body is not the expected JSON: "
                + (message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message)) + where);
    }
}
