package dustwatch.contracts.alarm;

import dustwatch.contracts.reading.ParameterCode;

import java.time.Instant;

/**
 * A point alarm (报警): one point of one enterprise crossing a rule for at least the rule's duration, or the
 * end of such an alarm. The value on {@code dust.alarm}. Domain reference §1.2 (rules), §2.4 (ALARM shape).
 *
 * @param alarmId       id of the alarm; START and END events of one alarm share it
 * @param uscc          enterprise code
 * @param regionCode    the enterprise's region
 * @param collectorCode {@code {USCC}-DC{nnn}}, null when the point belongs to no collector
 * @param pointCode     the point that crossed the rule
 * @param param         the catalogue parameter
 * @param rule          id of the rule that fired, e.g. {@code DRY_HOPPER_TEMP_HIGH}
 * @param type          HIGH, HIGH_HIGH, LOW, …
 * @param severity      weight class in the risk model
 * @param status        START or END
 * @param value         the value that started (or ended) the alarm, in {@code unit}
 * @param threshold     the rule's threshold, in {@code unit}
 * @param unit          e.g. ℃, Pa
 * @param startTime     when the condition began to hold (collect time of the first crossing value)
 * @param endTime       when it stopped holding; null on START
 * @param description   a human sentence, e.g. "灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s"
 * @param configVersion version of the rule configuration that produced this alarm
 */
public record Alarm(
        String alarmId,
        String uscc,
        String regionCode,
        String collectorCode,
        String pointCode,
        ParameterCode param,
        String rule,
        AlarmType type,
        Severity severity,
        AlarmStatus status,
        double value,
        double threshold,
        String unit,
        Instant startTime,
        Instant endTime,
        String description,
        String configVersion) {
}
