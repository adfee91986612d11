package dustwatch.disposal.report;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.risk.Colour;
import dustwatch.disposal.escalation.EscalationRule;
import dustwatch.disposal.escalation.EscalationTimers;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.feedback.Feedback;
import dustwatch.disposal.supervision.FixtureMonthTest;
import dustwatch.disposal.supervision.Level;
import dustwatch.disposal.supervision.MetricsCalculator;
import dustwatch.disposal.supervision.UnitMetrics;
import dustwatch.disposal.warning.Fixtures;
import dustwatch.disposal.warning.Review;
import dustwatch.disposal.warning.ReviewMode;
import dustwatch.disposal.warning.WarningCase;
import dustwatch.disposal.warning.WarningDetail;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dustwatch.disposal.warning.Fixtures.HUANGSHI;
import static dustwatch.disposal.warning.Fixtures.HUANGSHI_PLANT;
import static dustwatch.disposal.warning.Fixtures.LICHENG_DUTY;
import static dustwatch.disposal.warning.Fixtures.PLANT_USER;
import static dustwatch.disposal.warning.Fixtures.XINDU;
import static org.assertj.core.api.Assertions.assertThat;

/** The exports are read back: the xlsx with POI, the PDFs with PDFBox; the Chinese text comes back as written. */
class ReportsTest {
    static final Instant T0 = Instant.parse("2026-03-10T01:00:00Z");

    @Test
    void theRankingWorkbookHoldsTheFixtureMonthsRows() throws Exception {
        List<UnitMetrics> ranked = MetricsCalculator.rank(new MetricsCalculator(FixtureMonthTest.WEIGHTS)
                .compute(FixtureMonthTest.ALARMS, FixtureMonthTest.WARNINGS, Level.TOWN,
                        FixtureMonthTest.MARCH.from(), FixtureMonthTest.MARCH.to(), FixtureMonthTest.MARCH.to()));
        byte[] xlsx = RankingWorkbook.write("2026-03", Level.TOWN, ranked);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("排名");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("监管考核排名 2026-03（乡镇/街道）");
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(RankingWorkbook.HEADER);
            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(HUANGSHI);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(66.67);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(3);                 // alarms
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(2.0 / 3);           // alarm disposal rate
            assertThat(first.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(first.getCell(15).getNumericCellValue()).isEqualTo(1);                // overdue yellow
            Row second = sheet.getRow(3);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo(XINDU);
            assertThat(second.getCell(3).getNumericCellValue()).isEqualTo(0.0);
            assertThat(second.getCell(11).getStringCellValue()).isEmpty();                   // no warning was due
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void theFeedbackReportCarriesTimelineFeedbackReviewAndHistoryInChinese() throws Exception {
        MutableClockish clock = new MutableClockish(T0);
        WarningCase yellow = WarningCase.issue(Fixtures.plantWarning(Colour.YELLOW, T0.minus(Duration.ofDays(1)), null),
                Fixtures.defaultProperties(), clock.fixed());
        WarningCase red = WarningCase.issue(Fixtures.plantWarning(Colour.RED, T0, yellow.record().warningId()),
                Fixtures.defaultProperties(), clock.fixed());
        List<DisposalEvent> timeline = new ArrayList<>(List.of(red.issued(), red.signIn(PLANT_USER)));
        Feedback feedback = new Feedback(Cause.REAL_HAZARD, "停机清灰，检查卸灰阀", List.of("photo-0310-1.jpg"),
                PLANT_USER.username(), T0.plus(Duration.ofMinutes(40)));
        timeline.add(red.submitFeedback(PLANT_USER, feedback));
        timeline.add(red.clear(LICHENG_DUTY, "现场核查：已更换滤袋", ReviewMode.ON_SITE));
        Review review = new Review(ReviewMode.ON_SITE, true, "现场核查：已更换滤袋", LICHENG_DUTY.username(), "DISTRICT",
                T0.plus(Duration.ofHours(5)));
        WarningDetail old = new WarningDetail(yellow.record(), List.of(yellow.issued(), yellow.supersede(red.record().warningId())));
        byte[] pdf = WarningReport.feedbackReport(new WarningDetail(red.record(), timeline, List.of(feedback),
                List.of(review), List.of(old)));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("预警处置反馈报告", Fixtures.HUANGSHI_PLANT_NAME, HUANGSHI_PLANT, "红色预警",
                    "原因类别：真实隐患", "采取措施：停机清灰，检查卸灰阀", "photo-0310-1.jpg", "现场核查", "同意消警",
                    "签收", "消警", "被升级的预警 " + yellow.record().warningId(), "升级替代", "2026-03-10 09:00:00");
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).contains("NotoSansSC");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    @Test
    void theCircularListsTheOverdueEnterprises() throws Exception {
        var step = new EscalationTimers.FiredStep("W-9", HUANGSHI_PLANT, Fixtures.HUANGSHI_PLANT_NAME, HUANGSHI, "RED",
                EscalationRule.CIRCULAR, "CIRCULAR_LISTED", Instant.parse("2026-03-11T01:00:00Z"),
                Instant.parse("2026-03-31T16:00:00Z"), "e-9");
        byte[] pdf = WarningReport.circular("2026-03", "350304", List.of(step));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("预警超期未消警警示通报（2026-03）",
                    "共 1 条超期未消警预警，涉及 1 家企业", Fixtures.HUANGSHI_PLANT_NAME, "红色预警", "2026-03-11 09:00:00");
        }
    }

    /** A fixed clock at a settable instant (the cases stamp their steps with it). */
    record MutableClockish(Instant at) {
        Clock fixed() {
            return Clock.fixed(at, ZoneOffset.UTC);
        }
    }
}
