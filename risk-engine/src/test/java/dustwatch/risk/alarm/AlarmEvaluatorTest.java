package dustwatch.risk.alarm;

import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.risk.ShippedConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule, one point, reading by reading (domain reference §1.2). */
class AlarmEvaluatorTest {
    private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
    private static final PointOwner OWNER = new PointOwner("91350304MA2XY0123X", "350304101", "91350304MA2XY0123X-DC001");
    private final AlarmRuleProperties rules = ShippedConfig.rules();
    private final AlarmEvaluator evaluator = new AlarmEvaluator("v-test", rules.alarmFlapping());

    @Test
    void anAirlockFaultHeldSixtySecondsStartsADigitalAlarm() {
        AlarmRule rule = rules.rule("DRY_AIRLOCK_FAULT");
        AlarmEvaluator.Outcome first = evaluator.evaluate(rule, null, reading(ParameterCode.DRY_AIRLOCK_FAULT, 1, T0), T0, true, OWNER);
        assertThat(first.alarm()).isNull();
        assertThat(first.next().since()).isEqualTo(T0);
        AlarmEvaluator.Outcome early = evaluator.evaluate(rule, first.next(),
                reading(ParameterCode.DRY_AIRLOCK_FAULT, 1, T0.plusSeconds(59)), T0.plusSeconds(59), true, OWNER);
        assertThat(early.alarm()).isNull();
        AlarmEvaluator.Outcome started = evaluator.evaluate(rule, early.next(),
                reading(ParameterCode.DRY_AIRLOCK_FAULT, 1, T0.plusSeconds(60)), T0.plusSeconds(60), true, OWNER);
        assertThat(started.alarm().status()).isEqualTo(AlarmStatus.START);
        assertThat(started.alarm().description()).isEqualTo("锁气卸灰故障 = 1 持续 60 s");
        assertThat(started.alarm().configVersion()).isEqualTo("v-test");
        assertThat(started.next().active()).isTrue();
    }

    @Test
    void aValueThatStopsCrossingBeforeTheDurationForgetsThePendingRun() {
        AlarmRule rule = rules.rule("DRY_HOPPER_TEMP_HIGH");
        AlarmEvaluator.Outcome pending = evaluator.evaluate(rule, null, reading(ParameterCode.DRY_HOPPER_TEMP, 71, T0), T0, false, OWNER);
        AlarmEvaluator.Outcome dropped = evaluator.evaluate(rule, pending.next(),
                reading(ParameterCode.DRY_HOPPER_TEMP, 69.9, T0.plusSeconds(30)), T0.plusSeconds(30), false, OWNER);
        assertThat(dropped.next()).isNull();
        assertThat(dropped.alarm()).isNull();
    }

    @Test
    void aZeroDurationRuleStartsOnTheFirstValue() {
        AlarmRule rule = rules.rule("VENT_BURST");
        AlarmEvaluator.Outcome o = evaluator.evaluate(rule, null, reading(ParameterCode.VENT_BURST, 1, T0), T0, false, OWNER);
        assertThat(o.alarm().status()).isEqualTo(AlarmStatus.START);
        assertThat(o.alarm().description()).isEqualTo("泄爆片动作 = 1");
        assertThat(o.next().hardTrigger()).isTrue();
    }

    @Test
    void aLateValueDoesNotRewriteHistory() {
        AlarmRule rule = rules.rule("DRY_HOPPER_TEMP_HIGH");
        AlarmEvaluator.Outcome pending = evaluator.evaluate(rule, null,
                reading(ParameterCode.DRY_HOPPER_TEMP, 71, T0.plusSeconds(30)), T0.plusSeconds(30), false, OWNER);
        AlarmEvaluator.Outcome late = evaluator.evaluate(rule, pending.next(), reading(ParameterCode.DRY_HOPPER_TEMP, 20, T0), T0,
                false, OWNER);
        assertThat(late.next()).isEqualTo(pending.next());
        assertThat(late.alarm()).isNull();
    }

    @Test
    void theLowLevelRuleComparesDownwards() {
        AlarmRule rule = rules.rule("WET_TANK_LEVEL_LOW");
        assertThat(rule.comparison().holds(0.3, 0.3)).isTrue();
        assertThat(rule.comparison().holds(0.31, 0.3)).isFalse();
        AlarmEvaluator.Outcome o = evaluator.evaluate(rule, null, reading(ParameterCode.WET_TANK_LEVEL, 0.2, T0), T0, false, OWNER);
        assertThat(o.next()).isNotNull();
    }

    private static Reading reading(ParameterCode param, double value, Instant at) {
        return new Reading(OWNER.collectorCode() + "-" + param.name() + "-1", param, value, 0, at);
    }
}
