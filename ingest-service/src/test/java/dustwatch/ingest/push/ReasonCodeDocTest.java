package dustwatch.ingest.push;

import dustwatch.ingest.platform.ReasonCode;
import dustwatch.ingest.platform.RejectedRequestException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/integration.md} lists every {@link ReasonCode} exactly as the enum says: the section between
 * {@code <!-- reason-codes:begin -->} and {@code <!-- reason-codes:end -->} is {@link #table()}. When a code is
 * added or reworded, this test fails and prints the table to paste (or run it with
 * {@code -Ddustwatch.docs.update=true} to write it).
 */
class ReasonCodeDocTest {
    static final String BEGIN = "<!-- reason-codes:begin -->";
    static final String END = "<!-- reason-codes:end -->";

    static String table() {
        return Stream.concat(Stream.of("| code | status | meaning | 含义 |", "|---|---|---|---|"),
                        Stream.of(ReasonCode.values()).map(c -> "| `" + c.name() + "` | " + status(c) + " | " + c.english()
                                + " | " + c.chinese() + " |"))
                .collect(Collectors.joining("\n"));
    }

    /** 422 for a message's reason (its batch goes on), the request's status for a whole-request refusal. */
    static String status(ReasonCode c) {
        return c.refusesRequest() ? c.requestStatus().value() + " (request)" : "422 (per message)";
    }

    @Test
    void theIntegrationGuideListsEveryReasonCode() throws Exception {
        Path path = Path.of(System.getProperty("dustwatch.home", "..")).resolve("docs/integration.md");
        String doc = Files.readString(path);
        assertThat(doc).contains(BEGIN).contains(END);
        if (Boolean.getBoolean("dustwatch.docs.update")) {
            doc = doc.substring(0, doc.indexOf(BEGIN) + BEGIN.length()) + "\n" + table() + "\n" + doc.substring(doc.indexOf(END));
            Files.writeString(path, doc);
        }
        String section = doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END)).strip();
        assertThat(section).as("paste this between the markers:%n%s", table()).isEqualTo(table());
    }
}
