package dustwatch.ingest.registry.imports;

import dustwatch.ingest.registry.FieldError;

import java.util.List;

/**
 * What a bulk import did.
 *
 * @param rows       data rows read (blank rows not counted)
 * @param registered rows registered (stored and published)
 * @param rejected   rows refused, in file order
 */
public record ImportReport(int rows, int registered, List<RejectedRow> rejected) {
    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /**
     * A refused row.
     *
     * @param row    its number in the file (header = 1)
     * @param uscc   the USCC the row names, as given (null when blank)
     * @param errors every reason, fields named as in the JSON registration ({@code regionCode},
     *               {@code collectors[1].type} …)
     */
    public record RejectedRow(int row, String uscc, List<FieldError> errors) {
        public RejectedRow {
            errors = List.copyOf(errors);
        }
    }
}
