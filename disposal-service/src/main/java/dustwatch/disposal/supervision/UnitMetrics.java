package dustwatch.disposal.supervision;

import dustwatch.contracts.risk.Colour;

import java.util.Map;

/**
 * The supervision metrics of one unit for one period (reference §6.2). A rate is null when its denominator is 0.
 *
 * @param unit                     USCC or region code
 * @param name                     the enterprise's name (enterprise level), else null
 * @param alarms                   alarms started in the period
 * @param alarmSignInRate          alarms signed in (or closed) ÷ alarms
 * @param alarmTimelySignInRate    alarms signed in, recovered or closed by the sign-in SLA ÷ alarms
 * @param alarmDisposalRate        alarms closed with feedback ÷ alarms (报警处置率)
 * @param warnings                 warnings issued in the period
 * @param warningSignInRate        warnings signed in by the sign-in deadline ÷ warnings issued
 * @param warningsDue              warnings whose clear deadline fell in the period (not superseded before it)
 * @param onTimeClearanceRate      of those, cleared by the deadline ÷ due (按时消警率)
 * @param verificationRate         red/orange warnings issued in the period reviewed by the verify deadline ÷ red/orange warnings
 * @param accessRate               in-scope enterprises connected ÷ in-scope registered (企业接入率), see {@link Coverage}
 * @param onlineRate               online seconds ÷ expected seconds of registered enterprises (在线率)
 * @param validDataRate            good-quality values ÷ values received (数据有效率)
 * @param cleaningCheckInRate      cleaning check-ins done ÷ required by the plans (清扫打卡率)
 * @param overdueByColour          warnings open past their clear deadline at the period's end (超期未消警数), per colour
 * @param score                    the composite score 0–100, null when no weighted metric has a value
 */
public record UnitMetrics(String unit, String name, int alarms, Double alarmSignInRate, Double alarmTimelySignInRate,
                          Double alarmDisposalRate, int warnings, Double warningSignInRate, int warningsDue,
                          Double onTimeClearanceRate, Double verificationRate, Double accessRate, Double onlineRate,
                          Double validDataRate, Double cleaningCheckInRate, Map<Colour, Integer> overdueByColour,
                          Double score) {

    /** The rates by the names the composite weights use (null values included as absent). */
    public Map<String, Double> rates() {
        Map<String, Double> rates = new java.util.LinkedHashMap<>();
        rates.put("alarm-sign-in", alarmSignInRate);
        rates.put("alarm-timely-sign-in", alarmTimelySignInRate);
        rates.put("alarm-disposal", alarmDisposalRate);
        rates.put("warning-sign-in", warningSignInRate);
        rates.put("warning-on-time-clearance", onTimeClearanceRate);
        rates.put("verification", verificationRate);
        rates.put("access", accessRate);
        rates.put("online", onlineRate);
        rates.put("cleaning-check-in", cleaningCheckInRate);
        rates.put("valid-data", validDataRate);
        return rates;
    }

    /** Total overdue warnings of all colours. */
    public int overdue() {
        return overdueByColour.values().stream().mapToInt(Integer::intValue).sum();
    }

    UnitMetrics withScore(Double s) {
        return new UnitMetrics(unit, name, alarms, alarmSignInRate, alarmTimelySignInRate, alarmDisposalRate, warnings,
                warningSignInRate, warningsDue, onTimeClearanceRate, verificationRate, accessRate, onlineRate, validDataRate,
                cleaningCheckInRate, overdueByColour, s);
    }
}
