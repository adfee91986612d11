package dustwatch.ingest.registry.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A column of the bulk-import sheet (企业批量导入模板). The header row names each column by its registration field
 * ({@code uscc}) or its Chinese name ({@code 统一社会信用代码}); case, blanks, {@code _} and {@code -} are ignored.
 */
public enum ImportColumn {
    /** 统一社会信用代码 */
    USCC(true, "uscc", "统一社会信用代码"),
    /** 企业名称 */
    NAME(true, "name", "企业名称"),
    /** 行政区划代码: the district or town */
    REGION_CODE(true, "regionCode", "行政区划代码", "区划代码"),
    /** 粉尘种类: a DustType name */
    DUST_TYPE(true, "dustType", "粉尘种类"),
    /** 涉粉作业人数 */
    DUST_WORKERS(true, "dustWorkers", "涉粉作业人数"),
    /** 涉及打磨抛光等易燃工艺: blank is no */
    IGNITION_PRONE_PROCESS(false, "ignitionProneProcess", "易燃工艺", "涉及易燃工艺"),
    /** 除尘器: {@code DC001:DRY_BAG:indoor;DC002:WET:outdoor} */
    COLLECTORS(true, "collectors", "除尘器"),
    /** 经度 */
    LONGITUDE(false, "longitude", "经度"),
    /** 纬度 */
    LATITUDE(false, "latitude", "纬度");

    private final boolean required;
    private final String field;
    private final List<String> names;

    ImportColumn(boolean required, String field, String... chinese) {
        this.required = required;
        this.field = field;
        this.names = Stream.concat(Stream.of(field), Stream.of(chinese))
                .map(ImportColumn::normalise).toList();
    }

    /** A file without this column is refused. */
    public boolean required() {
        return required;
    }

    /** The registration field the column fills, which is also its English header. */
    public String field() {
        return field;
    }

    /** The column a header cell names, if any. */
    public static Optional<ImportColumn> named(String header) {
        String key = normalise(header);
        for (ImportColumn c : values()) {
            if (c.names.contains(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The accepted headers of every column, for a problem detail. */
    public static String accepted() {
        StringBuilder b = new StringBuilder();
        for (ImportColumn c : values()) {
            b.append(b.isEmpty() ? "" : ", ").append(c.field).append(c.required ? "" : " (optional)");
        }
        return b.toString();
    }

    private static String normalise(String header) {
        return header.replaceAll("[\\s_\\-\uFEFF]", "").toLowerCase(Locale.ROOT);
    }
}
