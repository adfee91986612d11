package dustwatch.risk.alarm;

import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.enterprise.MonitoringPoint;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.risk.Fixtures;
import dustwatch.risk.ShippedConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import java.util.List;
import java.util.Map;

import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which levels a rule applies at a point: the point's registered thresholds, the dust type's, the rule's. */
class PointLevelsTest {
    private final AlarmRuleProperties shipped = ShippedConfig.rules();
    private final AlarmRule high = shipped.rule("DRY_HOPPER_TEMP_HIGH");
    private final String dc2 = WOOD_PLANT + "-DC002";

    @Test
    void withoutOverridesTheConfiguredRuleApplies() {
        assertThat(shipped.alarmDustTypeThresholds()).isEmpty();
        assertThat(new PointLevels(Map.of()).at(high, Fixtures.woodPlant(), WOOD_PLANT + "-DC001",
                WOOD_PLANT + "-DC001-DRY_HOPPER_TEMP-1")).isSameAs(high);
    }

    @Test
    void thePointsThresholdBeatsTheDustTypesAndTheClearLevelKeepsItsDistance() {
        String point = dc2 + "-DRY_HOPPER_TEMP-1";
        EnterpriseProfile p = profile(new DustCollector(dc2, CollectorType.DRY_BAG, false, DustType.PLASTIC,
                List.of(new MonitoringPoint(point, ParameterCode.DRY_HOPPER_TEMP, null, Map.of(AlarmType.HIGH, 62.0)))));
        PointLevels levels = new PointLevels(Map.of(DustType.PLASTIC, Map.of("DRY_HOPPER_TEMP_HIGH", 65.0)));
        AlarmRule atPoint = levels.at(high, p, dc2, point);
        assertThat(atPoint.threshold()).isEqualTo(62.0);
        assertThat(atPoint.clearThreshold()).isEqualTo(59.0); // shipped 70 / 67
        AlarmRule otherPoint = levels.at(high, p, dc2, dc2 + "-DRY_HOPPER_TEMP-2");
        assertThat(otherPoint.threshold()).as("the collector's dust type (plastic), not the plant's (wood)").isEqualTo(65.0);
        assertThat(levels.at(high, p, WOOD_PLANT + "-DC001", WOOD_PLANT + "-DC001-DRY_HOPPER_TEMP-1")).isSameAs(high);
        assertThat(levels.at(shipped.rule("DRY_HOPPER_TEMP_HIGH_HIGH"), p, dc2, point).threshold())
                .as("a HIGH threshold leaves the HIGH_HIGH rule alone").isEqualTo(80.0);
    }

    @Test
    void aRiseRuleWithoutRateWindowAndADustTypeLevelOfAnUnknownRuleAreRefused() {
        assertThatThrownBy(() -> new AlarmRule("X_RISING", ParameterCode.DRY_HOPPER_TEMP, Comparison.RISE, 1, null, 0,
                AlarmType.RATE, dustwatch.contracts.alarm.Severity.MINOR, false, false, null))
                .hasMessageContaining("X_RISING (RISE) needs a rate window");
        var binder = ShippedConfig.binder(Map.of("dustwatch.risk.alarm-dust-type-thresholds.AL_MG.NO_SUCH_RULE", "60"));
        assertThatThrownBy(() -> binder.bind("dustwatch.risk", AlarmRuleProperties.class)).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("AL_MG names rule NO_SUCH_RULE");
    }

    private static EnterpriseProfile profile(DustCollector second) {
        EnterpriseProfile p = Fixtures.woodPlant();
        return new EnterpriseProfile(p.uscc(), p.name(), p.regionCode(), p.dustType(), p.dustWorkers(),
                p.ignitionProneProcess(), List.of(p.collectors().get(0), second), p.updatedAt());
    }
}
