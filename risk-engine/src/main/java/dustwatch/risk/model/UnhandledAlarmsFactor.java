package dustwatch.risk.model;

import dustwatch.contracts.risk.RiskFactor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dustwatch.risk.model.DynamicFactor.fmt;

/**
 * Alarms unhandled past their SLA (报警超时未处置), §3.2 step B: each distinct alarm that disposal-service announced
 * {@code ALARM_OVERDUE} (not signed in, or no feedback, within its SLA) and has not yet announced
 * {@code ALARM_OVERDUE_RESOLVED} adds {@code points}; the block is capped (alarms beyond the cap are still named,
 * with 0 points). Config
 * {@code dustwatch.risk.model.factors.unhandled-alarms}.
 */
public final class UnhandledAlarmsFactor implements DynamicFactor {
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private final Weights w;

    public UnhandledAlarmsFactor(Weights weights) {
        this.w = weights;
    }

    /**
     * @param points per overdue alarm, 10
     * @param cap    cap of the block, 20
     */
    public record Weights(double points, double cap) {
    }

    @Override
    public List<RiskFactor> contributions(EnterpriseRiskState state, Instant at) {
        List<RiskFactor> factors = new ArrayList<>();
        double total = 0;
        List<EnterpriseRiskState.OverdueAlarm> overdue = state.overdueAlarms().values().stream()
                .sorted(Comparator.comparing(EnterpriseRiskState.OverdueAlarm::since)).toList(); // stable: as announced
        for (EnterpriseRiskState.OverdueAlarm o : overdue) {
            double p = Math.min(w.points(), w.cap() - total);
            total += p;
            String what = o.ruleId() != null ? o.ruleId() + " " + o.pointCode() : "报警 " + o.alarmId();
            factors.add(new RiskFactor("UNHANDLED_ALARM", p, what + " 超时" + String.join("、", o.breaches().stream()
                    .map(UnhandledAlarmsFactor::breach).toList()) + "（自 " + CHINA_TIME.format(o.since()) + "） "
                    + (p > 0 ? fmt(p) : "0（已达上限 " + fmt(w.cap()) + "）")));
        }
        return factors;
    }

    private static String breach(String note) {
        return switch (note == null ? "" : note) {
            case "SIGN_IN" -> "未签收";
            case "FEEDBACK" -> "未反馈";
            default -> "未处置";
        };
    }
}
