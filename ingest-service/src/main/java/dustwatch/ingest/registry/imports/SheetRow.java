package dustwatch.ingest.registry.imports;

import java.util.List;

/**
 * One row of an uploaded sheet as text.
 *
 * @param row   its number as a spreadsheet program shows it: the header is row 1 (for a CSV: the line it starts on)
 * @param cells the cells left to right, trimmed, a blank cell as {@code ""}
 */
public record SheetRow(int row, List<String> cells) {
    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell in column {@code index} (0-based), {@code ""} beyond the last one. */
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** True when every cell is blank (such rows are skipped). */
    public boolean blank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
