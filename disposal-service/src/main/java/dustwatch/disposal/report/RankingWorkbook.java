package dustwatch.disposal.report;

import dustwatch.contracts.risk.Colour;
import dustwatch.disposal.supervision.Level;
import dustwatch.disposal.supervision.UnitMetrics;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The ranking of a period as an xlsx workbook (sheet 排名): one row per unit, rates as percentages. */
public final class RankingWorkbook {
    /** The header row. */
    public static final List<String> HEADER = List.of("排名", "单位", "名称", "综合得分", "报警数", "报警签收率",
            "报警及时签收率", "报警处置率", "预警数", "预警签收率", "到期预警数", "按时消警率", "核查率",
            "超期未消警(红)", "超期未消警(橙)", "超期未消警(黄)", "超期未消警(蓝)", "接入率", "在线率", "数据有效率",
            "清扫打卡率");

    private RankingWorkbook() {
    }

    /** The workbook of {@code ranked} units (already in rank order). */
    public static byte[] write(String period, Level level, List<UnitMetrics> ranked) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("排名");
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("监管考核排名 " + period + "（" + levelName(level) + "）");
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 2;
            for (UnitMetrics m : ranked) {
                Row row = sheet.createRow(r);
                int c = 0;
                row.createCell(c++).setCellValue(r - 1);
                row.createCell(c++).setCellValue(m.unit());
                row.createCell(c++).setCellValue(m.name() == null ? "" : m.name());
                number(row.createCell(c++), m.score(), null);
                row.createCell(c++).setCellValue(m.alarms());
                number(row.createCell(c++), m.alarmSignInRate(), percent);
                number(row.createCell(c++), m.alarmTimelySignInRate(), percent);
                number(row.createCell(c++), m.alarmDisposalRate(), percent);
                row.createCell(c++).setCellValue(m.warnings());
                number(row.createCell(c++), m.warningSignInRate(), percent);
                row.createCell(c++).setCellValue(m.warningsDue());
                number(row.createCell(c++), m.onTimeClearanceRate(), percent);
                number(row.createCell(c++), m.verificationRate(), percent);
                for (Colour colour : List.of(Colour.RED, Colour.ORANGE, Colour.YELLOW, Colour.BLUE)) {
                    row.createCell(c++).setCellValue(m.overdueByColour().getOrDefault(colour, 0));
                }
                number(row.createCell(c++), m.accessRate(), percent);
                number(row.createCell(c++), m.onlineRate(), percent);
                number(row.createCell(c++), m.validDataRate(), percent);
                number(row.createCell(c++), m.cleaningCheckInRate(), percent);
                r++;
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blank cell for a rate without value ("—" would not sort). */
    private static void number(Cell cell, Double value, CellStyle style) {
        if (value != null) {
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    static String levelName(Level level) {
        return switch (level) {
            case ENTERPRISE -> "企业";
            case TOWN -> "乡镇/街道";
            case DISTRICT -> "区县";
            case CITY -> "市";
        };
    }
}
