package dustwatch.ingest.registry.imports;

import dustwatch.ingest.registry.FieldError;
import dustwatch.ingest.registry.Registration;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The header row of an import, and how a data row becomes a {@link Registration}. Cells are taken as sent; what the
 * registry cannot check on a typed registration (a word that is not a number or a yes/no, a collector item with too
 * many parts) is reported here as a {@link FieldError} named like the JSON field, and the rest is left to
 * {@link dustwatch.ingest.registry.RegistrationValidator}.
 * <p>
 * The collectors column lists {@code code:type[:indoor|outdoor[:dustType]]} items separated by {@code ;}, e.g.
 * {@code DC001:DRY_BAG:indoor;DC002:WET:outdoor}; a code without the USCC ({@code DC001}) is taken as
 * {@code {uscc}-DC001}. Full-width {@code ；} and {@code ：} (a Chinese input method) are accepted too.
 */
public final class ImportHeader {
    private static final Set<String> YES = Set.of("true", "yes", "y", "1", "是", "有");
    private static final Set<String> NO = Set.of("false", "no", "n", "0", "否", "无");
    private static final Set<String> INDOOR = Set.of("indoor", "室内", "true", "1");
    private static final Set<String> OUTDOOR = Set.of("outdoor", "室外", "false", "0");

    private final Map<ImportColumn, Integer> index;

    private ImportHeader(Map<ImportColumn, Integer> index) {
        this.index = index;
    }

    /**
     * Reads the header row.
     *
     * @throws UnreadableImportException (400) for an unknown or repeated column, or a required one missing
     */
    public static ImportHeader of(SheetRow header) {
        Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cell(i);
            if (name.isEmpty()) {
                continue;
            }
            int column = i;
            ImportColumn.named(name).ifPresentOrElse(c -> {
                if (index.putIfAbsent(c, column) != null) {
                    problems.add("column '" + name + "' repeats " + c.field());
                }
            }, () -> problems.add("unknown column '" + name + "'"));
        }
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required() && !index.containsKey(c)) {
                problems.add("column " + c.field() + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new UnreadableImportException(HttpStatus.BAD_REQUEST, "header row " + header.row() + ": "
                    + String.join("; ", problems) + ". Columns (English or Chinese names): " + ImportColumn.accepted());
        }
        return new ImportHeader(index);
    }

    /** The USCC the row names, upper-cased (a USCC has no lower-case letters), or null when blank. */
    public String uscc(SheetRow row) {
        String uscc = cell(row, ImportColumn.USCC);
        return uscc == null ? null : uscc.toUpperCase(Locale.ROOT);
    }

    /** The registration the row describes; what cannot even be typed is added to {@code errors}. */
    public Registration registration(SheetRow row, List<FieldError> errors) {
        for (int i = 0; i < row.cells().size(); i++) {
            if (!row.cell(i).isEmpty() && !index.containsValue(i)) {
                errors.add(new FieldError("column " + (i + 1), "'" + row.cell(i) + "' lies under no header; name the column or"
                        + " empty the cell (nothing in a row is dropped unread)"));
            }
        }
        String uscc = uscc(row);
        return new Registration(
                cell(row, ImportColumn.NAME),
                cell(row, ImportColumn.REGION_CODE),
                upper(cell(row, ImportColumn.DUST_TYPE)),
                wholeNumber(cell(row, ImportColumn.DUST_WORKERS), ImportColumn.DUST_WORKERS.field(), errors),
                word(cell(row, ImportColumn.IGNITION_PRONE_PROCESS), YES, NO, ImportColumn.IGNITION_PRONE_PROCESS.field(), errors),
                collectors(uscc, cell(row, ImportColumn.COLLECTORS), errors),
                null,
                null,
                decimal(cell(row, ImportColumn.LONGITUDE), ImportColumn.LONGITUDE.field(), errors),
                decimal(cell(row, ImportColumn.LATITUDE), ImportColumn.LATITUDE.field(), errors));
    }

    private List<Registration.Collector> collectors(String uscc, String column, List<FieldError> errors) {
        List<Registration.Collector> collectors = new ArrayList<>();
        if (column == null) {
            return collectors;
        }
        for (String item : column.split("[;；\\n]")) {
            if (item.isBlank()) {
                continue;
            }
            String field = "collectors[" + collectors.size() + "]";
            String[] parts = item.strip().split("\\s*[:：]\\s*", -1);
            if (parts.length > 4) {
                errors.add(new FieldError(field, "'" + item.strip() + "' has " + parts.length
                        + " parts; write code:type[:indoor|outdoor[:dustType]]"));
            }
            String code = parts[0];
            if (uscc != null && !code.isEmpty() && !code.startsWith(uscc)) {
                code = uscc + "-" + code;
            }
            collectors.add(new Registration.Collector(code,
                    parts.length > 1 ? blankToNull(upper(parts[1])) : null,
                    parts.length > 2 ? word(blankToNull(parts[2]), INDOOR, OUTDOOR, field + ".indoor", errors) : null,
                    parts.length > 3 ? blankToNull(upper(parts[3])) : null,
                    null));
        }
        return collectors;
    }

    private String cell(SheetRow row, ImportColumn column) {
        Integer i = index.get(column);
        return i == null ? null : blankToNull(row.cell(i));
    }

    private static Integer wholeNumber(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a whole number"));
            return null;
        }
    }

    private static Double decimal(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value).doubleValue();
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a decimal number"));
            return null;
        }
    }

    private static Boolean word(String value, Set<String> yes, Set<String> no, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        String key = value.toLowerCase(Locale.ROOT);
        if (yes.contains(key)) {
            return true;
        }
        if (no.contains(key)) {
            return false;
        }
        errors.add(new FieldError(field, "'" + value + "' is neither of " + new TreeSet<>(yes) + " nor of " + new TreeSet<>(no)));
        return null;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
