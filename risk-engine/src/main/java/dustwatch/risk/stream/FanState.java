package dustwatch.risk.stream;

import java.time.Instant;

/**
 * The last good FAN_RUN value of one collector (风机运行状态), used to run-gate alarm rules (§1.2). Kept in a
 * store keyed by collector code {@code {USCC}-DC{nnn}}.
 *
 * @param running last value was 1
 * @param at      collect time of that value
 */
public record FanState(boolean running, Instant at) {
}
