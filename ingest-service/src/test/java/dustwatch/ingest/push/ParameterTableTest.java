package dustwatch.ingest.push;

import dustwatch.contracts.reading.Applies;
import dustwatch.contracts.reading.ParameterClass;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.SignalType;
import dustwatch.contracts.reading.UnitConversion;
import dustwatch.ingest.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parameter table of {@code docs/integration.md} (between {@code <!-- parameter-table:begin -->} and
 * {@code <!-- parameter-table:end -->}) is what {@link ParameterCode}, {@link UnitConversion} and the shipped
 * {@code dustwatch.ingest.catalogue} ranges say: a parameter added, renamed, given another unit, conversion or range
 * fails this test until the document follows. With {@code -Ddustwatch.docs.update=true} the test writes the table
 * into the document instead. The repository root is {@code dustwatch.home} (default: the module's parent).
 */
class ParameterTableTest {
    static final String BEGIN = "<!-- parameter-table:begin -->";
    static final String END = "<!-- parameter-table:end -->";

    static Path integrationDoc() {
        return Path.of(System.getProperty("dustwatch.home", "..")).toAbsolutePath().normalize()
                .resolve("docs/integration.md");
    }

    /** The Markdown table of the whole catalogue, one row per {@link ParameterCode} in declaration order. */
    static String render() {
        String header = """
                | code | 中文名称 | unit (单位) | also accepted, converted (可换算单位) | values (取值) | signal (信号类型) | collector (适用) | class (类别) |
                |---|---|---|---|---|---|---|---|
                """;
        return header + Arrays.stream(ParameterCode.values())
                .map(p -> "| `" + p.name() + "` | " + p.chineseName() + " | " + p.unit() + " | " + others(p) + " | " + values(p) + " | "
                        + signal(p.signalType()) + " | " + applies(p.applies()) + " | " + parameterClass(p.parameterClass()) + " |")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static final CatalogueRules SHIPPED = Fixtures.shippedCatalogue();

    /** The other spellings and units {@link UnitConversion} takes for the parameter. */
    static String others(ParameterCode p) {
        String others = UnitConversion.accepted(p).stream().filter(u -> !u.equals(p.unit())).collect(Collectors.joining(", "));
        return others.isEmpty() ? "—" : others;
    }

    /** What a value may be: 0 or 1, a whole count, or a number within the shipped plausible range. */
    static String values(ParameterCode p) {
        CatalogueRules.Range r = SHIPPED.range(p);
        return switch (p.signalType()) {
            case DI -> "0 or 1";
            case CNT -> "integer " + num(r.min()) + " … " + num(r.max());
            case AI -> num(r.min()) + " … " + num(r.max()) + " " + p.unit();
        };
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String signal(SignalType type) {
        return switch (type) {
            case AI -> "analogue 模拟量 (AI)";
            case DI -> "digital 开关量 (DI)";
            case CNT -> "counter 计数 (CNT)";
        };
    }

    static String applies(Applies applies) {
        return switch (applies) {
            case DRY -> "dry 干式";
            case WET -> "wet 湿式";
            case BOTH -> "dry and wet 干式/湿式";
        };
    }

    static String parameterClass(ParameterClass c) {
        return switch (c) {
            case MANDATORY -> "mandatory 必选";
            case CONDITIONAL -> "conditional 条件必选";
            case OPTIONAL -> "optional 可选";
        };
    }

    /** The text between the markers, without the markers. */
    static String section(String doc) {
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/integration.md has " + BEGIN).isNotNegative();
        assertThat(end).as("docs/integration.md has " + END + " after " + BEGIN).isGreaterThan(begin);
        return doc.substring(begin + BEGIN.length(), end).strip() + "\n";
    }

    @Test
    void theDocumentsTableIsTheCatalogue() throws IOException {
        Path path = integrationDoc();
        String doc = Files.readString(path, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("dustwatch.docs.update")) {
            int begin = doc.indexOf(BEGIN) + BEGIN.length();
            doc = doc.substring(0, begin) + "\n" + render() + doc.substring(doc.indexOf(END));
            Files.writeString(path, doc, StandardCharsets.UTF_8);
        }
        assertThat(section(doc)).as("the table in " + path + " (regenerate with -Ddustwatch.docs.update=true)")
                .isEqualTo(render());
    }

    @Test
    void theTableHasEveryParameterWithItsUnit() {
        String table = render();
        assertThat(table.lines().count()).isEqualTo(2 + ParameterCode.values().length);
        assertThat(table).contains("| `DRY_DP` | 进出口压差 | Pa | hPa, mbar, kPa, MPa, mmH2O, mmH₂O | -2000 … 20000 Pa | analogue 模拟量 (AI) | dry 干式 | mandatory 必选 |");
        assertThat(table).contains("| `FAN_RUN` | 风机运行状态 | 0/1 | bool | 0 or 1 | digital 开关量 (DI) |");
        assertThat(table).contains("| `WET_H2` | 氢气浓度 | %LEL |");
    }

    @Test
    void aDriftedTableIsNoticed() {
        String drifted = "x" + BEGIN + "\n" + render().replace("| ℃ |", "| ℉ |") + END;
        assertThat(section(drifted)).isNotEqualTo(render());
    }
}
