package dustwatch.console.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feature files' line format, and the files checked in. */
class MatrixFilesTest {

    @Test
    void aRowHasItsMethodTemplatePathBodyAndElevenStatuses() {
        MatrixFiles.Line row = MatrixFiles.parse("x.tsv", 3,
                "ROW\tget\t/api/v1/filings/{id}\t/api/v1/filings?uscc={uscc}\t{\"a\":1}\t200 200 200 200 404 200 404 403 401 401 401");
        assertThat(row.method()).isEqualTo("GET");
        assertThat(row.template()).isEqualTo("/api/v1/filings/{id}");
        assertThat(row.path()).isEqualTo("/api/v1/filings?uscc={uscc}");
        assertThat(row.body()).hasToString("{\"a\":1}");
        assertThat(row.expected()).containsExactly(200, 200, 200, 200, 404, 200, 404, 403, 401, 401, 401);
        assertThat(row.reason()).isNull();
    }

    @Test
    void aSkipHasItsReasonAndNoStatuses() {
        MatrixFiles.Line skip = MatrixFiles.parse("x.tsv", 1, "SKIP\tPOST\t/api/v1/filings\ta write");
        assertThat(skip.expected()).isNull();
        assertThat(skip.reason()).isEqualTo("a write");
        assertThat(MatrixFiles.parse("x.tsv", 1, "ROW\tGET\t/a\t/a\t-\t1 2 3 4 5 6 7 8 9 10 11").body()).isNull();
    }

    @Test
    void aMalformedLineNamesItsFileAndLine() {
        assertThatThrownBy(() -> MatrixFiles.parse("filings.tsv", 7, "ROW\tGET\t/a\t/a\t-\t200 200"))
                .hasMessageStartingWith("filings.tsv:7: 2 statuses, expected 11");
        assertThatThrownBy(() -> MatrixFiles.parse("filings.tsv", 8, "SKIP\tGET\t/a"))
                .hasMessageStartingWith("filings.tsv:8: SKIP");
        assertThatThrownBy(() -> MatrixFiles.parse("filings.tsv", 9, "ROWS\tGET\t/a\t/a\t-\t200"))
                .hasMessageContaining("ROW or SKIP");
    }

    @Test
    void theCheckedInFilesParse() {
        assertThat(MatrixFiles.read()).extracting(l -> l.method() + " " + l.template())
                .contains("POST /api/v1/filings", "PUT /api/v1/cleaning/plan", "POST /api/v1/cleaning/check-ins");
    }
}
