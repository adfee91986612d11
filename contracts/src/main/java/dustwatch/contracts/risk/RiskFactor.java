package dustwatch.contracts.risk;

/**
 * One contribution to a risk score, so that every colour can be explained (domain reference §3.2).
 *
 * @param code   e.g. {@code DUST_TYPE}, {@code ALARM_MAJOR}
 * @param points points added to the score
 * @param detail a human sentence, e.g. "木质粉尘 20"
 */
public record RiskFactor(String code, double points, String detail) {
}
