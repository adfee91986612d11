package dustwatch.risk.model;

import dustwatch.contracts.alarm.Severity;

import java.time.Instant;

/**
 * An alarm (报警) that has started and not ended, as the dynamic score sees it (§3.2 step B).
 *
 * @param ruleId      the rule that fired
 * @param pointCode   the point
 * @param severity    critical, major or minor
 * @param hardTrigger whether it forces RED (一票否决)
 * @param since       when its condition began to hold (the alarm's start time)
 * @param description the alarm's START sentence, e.g. "灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s"
 */
public record ActiveAlarm(String ruleId, String pointCode, Severity severity, boolean hardTrigger, Instant since,
                          String description) {
}
