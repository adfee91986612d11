package dustwatch.risk;

import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.risk.alarm.AlarmRule;
import dustwatch.risk.alarm.AlarmRuleProperties;
import dustwatch.risk.alarm.Comparison;
import dustwatch.risk.model.RiskModelProperties;
import dustwatch.risk.stream.EngineProperties;
import dustwatch.risk.stream.kafka.StreamsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped application.yml binds, holds the domain reference's defaults, and bad configuration stops the start. */
class ConfigurationDefaultsTest {

    @Test
    void applicationYmlHoldsTheDomainReferenceDefaults() {
        AlarmRuleProperties rules = ShippedConfig.rules();
        assertThat(rules.rule("DRY_HOPPER_TEMP_HIGH").threshold()).isEqualTo(70.0);
        assertThat(rules.rule("DRY_HOPPER_TEMP_HIGH").clearLevel()).isEqualTo(67.0);
        assertThat(rules.rule("VENT_BURST").hardTrigger()).isTrue();
        assertThat(rules.alarmFlapping().starts()).isEqualTo(3);
        RiskModelProperties model = ShippedConfig.model();
        assertThat(model.configVersion()).isEqualTo("risk-model-2026.2");
        assertThat(model.colourMatrix().get(InherentLevel.B).get(DynamicBand.M)).isEqualTo(Colour.ORANGE);
        assertThat(model.factors().alarms().majorPoints()).isEqualTo(20.0);
        assertThat(model.factors().cleaning().missedPoints()).isEqualTo(10.0);
        assertThat(model.hardTriggers()).extracting(t -> t.id())
                .containsExactly("HOPPER_HIGH_HIGH_HELD", "SPARKS_WITH_RISING_HOPPER_TEMP");
        EngineProperties engine = ShippedConfig.engine();
        assertThat(engine.offlineTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(engine.punctuateInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(engine.tickBatch()).isEqualTo(1000);
    }

    @Test
    void streamsRunAsTheRiskEngineApplicationWithStateUnderTheDataDirectory() {
        StreamsProperties streams = ShippedConfig.streams();
        assertThat(streams.applicationId()).isEqualTo("dustwatch-risk-engine");
        assertThat(streams.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(streams.partitions()).isEqualTo(3);
        assertThat(streams.replicationFactor()).isEqualTo((short) 1);
        assertThat(streams.stateDir()).doesNotContain(System.getProperty("java.io.tmpdir")).endsWith("risk-engine/state");
    }

    @Test
    void anIncompleteColourMatrixStopsTheStartNamingTheMissingCell() {
        var binder = ShippedConfig.binder(Map.of("dustwatch.risk.model.colour-matrix.C.M", ""));
        assertThatThrownBy(() -> binder.bind("dustwatch.risk.model", RiskModelProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("the colour-matrix misses the cell C × M");
    }

    @Test
    void aClearLevelBeyondTheSetLevelIsRefused() {
        assertThatThrownBy(() -> new AlarmRule("DRY_HOPPER_TEMP_HIGH", ParameterCode.DRY_HOPPER_TEMP, Comparison.GE, 70,
                75.0, 60, AlarmType.HIGH, Severity.MAJOR, false, false, null))
                .hasMessageContaining("DRY_HOPPER_TEMP_HIGH: clear level 75.0 above its set level 70.0");
    }
}
