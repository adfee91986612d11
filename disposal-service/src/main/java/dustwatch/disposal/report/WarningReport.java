package dustwatch.disposal.report;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.disposal.escalation.EscalationTimers;
import dustwatch.disposal.feedback.Feedback;
import dustwatch.disposal.warning.Review;
import dustwatch.disposal.warning.WarningDetail;
import dustwatch.disposal.warning.WarningRecord;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The PDFs: a warning's feedback report (预警处置反馈报告: the case, timeline, feedback, reviews, evidence; also
 * the evidence pack of the enforcement list) and the monthly warning circular (警示通报). Times in China time.
 */
public final class WarningReport {
    static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private WarningReport() {
    }

    /** The feedback report of one warning, with the history of the warnings it superseded. */
    public static byte[] feedbackReport(WarningDetail detail) {
        WarningRecord w = detail.warning();
        try (CjkPdf pdf = new CjkPdf("预警处置反馈报告 " + w.warningId())) {
            pdf.title("预警处置反馈报告");
            body(pdf, detail);
            for (WarningDetail old : detail.history()) {
                pdf.heading("被升级的预警 " + old.warning().warningId());
                body(pdf, old);
            }
            pdf.text("").text("生成时间：" + time(Instant.now()) + "（北京时间）");
            return pdf.bytes();
        }
    }

    private static void body(CjkPdf pdf, WarningDetail detail) {
        WarningRecord w = detail.warning();
        pdf.text("预警编号：" + w.warningId())
                .text("企业：" + (w.enterpriseName() == null ? "" : w.enterpriseName()) + "（" + w.uscc() + "）")
                .text("行政区划：" + w.regionCode().value() + "    预警等级：" + colour(w.colour().name())
                        + "    状态：" + w.state())
                .text("原因：" + (w.reason() == null ? "" : w.reason()))
                .text("发布时间：" + time(w.issuedAt()) + "    签收时限：" + time(w.deadlines().signIn()))
                .text("反馈时限：" + time(w.deadlines().feedback()) + "    消警时限：" + time(w.deadlines().clear()));
        pdf.heading("处置记录");
        for (DisposalEvent e : detail.timeline()) {
            pdf.text(time(e.at()) + "  " + action(e.action()) + "  " + e.actor() + "（" + e.actorTier() + "）"
                    + (e.targetTier() == null ? "" : " → " + e.targetTier())
                    + (e.note() == null ? "" : "  " + e.note()));
        }
        pdf.heading("企业反馈");
        if (detail.feedback().isEmpty()) {
            pdf.text("（无）");
        }
        for (Feedback f : detail.feedback()) {
            pdf.text(time(f.at()) + "  " + f.actor() + "  原因类别：" + f.cause().label())
                    .text("采取措施：" + f.measures())
                    .text("佐证材料：" + (f.evidence().isEmpty() ? "（无）" : String.join("，", f.evidence())));
        }
        pdf.heading("核查");
        if (detail.reviews().isEmpty()) {
            pdf.text("（无）");
        }
        for (Review r : detail.reviews()) {
            pdf.text(time(r.at()) + "  " + r.actor() + "（" + r.actorTier() + "）  "
                    + (r.mode().name().equals("ON_SITE") ? "现场核查" : "远程核查") + "  "
                    + (r.accepted() ? "同意消警" : "驳回") + (r.remark() == null ? "" : "  " + r.remark()));
        }
    }

    /** The monthly warning circular: the warnings that were overdue in {@code month}, by enterprise. */
    public static byte[] circular(String month, String region, List<EscalationTimers.FiredStep> listed) {
        try (CjkPdf pdf = new CjkPdf("警示通报 " + month)) {
            pdf.title("预警超期未消警警示通报（" + month + "）");
            pdf.text("通报范围：" + region + "    共 " + listed.size() + " 条超期未消警预警，涉及 "
                    + listed.stream().map(EscalationTimers.FiredStep::uscc).distinct().count() + " 家企业。");
            pdf.heading("超期未消警预警");
            int i = 1;
            for (EscalationTimers.FiredStep s : listed) {
                pdf.text(i++ + ". " + (s.enterpriseName() == null ? s.uscc() : s.enterpriseName()) + "（" + s.uscc()
                        + "）  " + colour(s.colour()) + "  消警时限 " + time(s.checkAt()) + "  预警 " + s.warningId());
            }
            return pdf.bytes();
        }
    }

    static String time(Instant t) {
        return t == null ? "—" : CHINA_TIME.format(t);
    }

    static String colour(String colour) {
        return switch (colour) {
            case "RED" -> "红色预警";
            case "ORANGE" -> "橙色预警";
            case "YELLOW" -> "黄色预警";
            case "BLUE" -> "蓝色预警";
            default -> colour;
        };
    }

    static String action(String action) {
        return switch (action) {
            case "ISSUE" -> "发布";
            case "SIGN_IN" -> "签收";
            case "FEEDBACK" -> "反馈";
            case "CLEAR" -> "消警";
            case "REJECT" -> "驳回";
            case "SUPERSEDE" -> "升级替代";
            case "SUPERVISION_NOTICE" -> "督办";
            case "ONSITE_SUPERVISION" -> "现场督办";
            case "ENFORCEMENT_LISTED" -> "列入执法检查名单";
            case "CIRCULAR_LISTED" -> "列入警示通报";
            default -> action;
        };
    }
}
