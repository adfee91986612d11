package dustwatch.contracts;

import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.JsonSerde;
import org.junit.jupiter.api.Test;
import tools.jackson.core.TokenStreamFactory;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Json#DATA_KEYED}: the wire mapper's JSON, without collecting property names in the symbol table. */
class DataKeyedJsonTest {
    /** A state-like value: a map keyed by point code. */
    record Seen(String uscc, Map<String, Instant> pointsLastSeen) {
    }

    @Test
    void onlyTheDataKeyedMapperLeavesPropertyNamesUncanonicalized() {
        assertThat(Json.MAPPER.tokenStreamFactory().isEnabled(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)).isTrue();
        assertThat(Json.DATA_KEYED.tokenStreamFactory().isEnabled(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)).isFalse();
    }

    @Test
    void itWritesAndReadsExactlyAsTheWireMapper() {
        Map<String, Instant> points = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            points.put("91350304MA2XY0123X-DC00" + i + "-FAN_RUN", Instant.parse("2026-05-01T02:00:0" + i + "Z"));
        }
        Seen seen = new Seen("91350304MA2XY0123X", points);
        JsonSerde<Seen> dataKeyed = new JsonSerde<>(Seen.class, Json.DATA_KEYED);
        JsonSerde<Seen> wire = new JsonSerde<>(Seen.class);
        byte[] bytes = dataKeyed.serializer().serialize("t", seen);
        assertThat(bytes).isEqualTo(wire.serializer().serialize("t", seen));
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"91350304MA2XY0123X-DC001-FAN_RUN\":\"2026-05-01T02:00:01Z\"");
        assertThat(dataKeyed.deserializer().deserialize("t", bytes)).isEqualTo(seen);
        assertThat(wire.deserializer().deserialize("t", bytes)).isEqualTo(seen);
    }
}
