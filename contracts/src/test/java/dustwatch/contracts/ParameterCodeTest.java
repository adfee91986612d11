package dustwatch.contracts;

import dustwatch.contracts.reading.ParameterClass;
import dustwatch.contracts.reading.ParameterCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterCodeTest {
    static final String COLLECTOR = "91350304MA2YB1XK0U-DC001";

    @Test
    void pointCodesNameTheirParameterAndCollector() {
        assertThat(ParameterCode.ofPointCode(COLLECTOR + "-DRY_HOPPER_TEMP-1")).contains(ParameterCode.DRY_HOPPER_TEMP);
        assertThat(ParameterCode.ofPointCode(COLLECTOR + "-DRY_AIRLOCK_FAULT")).contains(ParameterCode.DRY_AIRLOCK_FAULT);
        assertThat(ParameterCode.ofPointCode(COLLECTOR + "-DRY_AIRLOCK_RUN")).contains(ParameterCode.DRY_AIRLOCK_RUN);
        assertThat(ParameterCode.ofPointCode(COLLECTOR + "-WET_H2-2")).contains(ParameterCode.WET_H2);
        assertThat(ParameterCode.ofPointCode(COLLECTOR + "-NOT_A_PARAM")).isEmpty();
        assertThat(ParameterCode.collectorOf(COLLECTOR + "-DRY_DP")).isEqualTo(COLLECTOR);
        assertThat(ParameterCode.collectorOf("91350304MA2YB1XK0U-GW01")).isNull();
    }

    @Test
    void theFiveMandatorySignalsOfSection82AreMandatory() {
        var mandatory = Arrays.stream(ParameterCode.values())
                .filter(p -> p.parameterClass() == ParameterClass.MANDATORY).toList();
        assertThat(mandatory).contains(ParameterCode.DRY_HOPPER_TEMP, ParameterCode.DRY_DP,
                ParameterCode.DRY_AIRLOCK_FAULT, ParameterCode.WET_TANK_LEVEL, ParameterCode.WET_FLOW);
        assertThat(ParameterCode.DRY_DP.unit()).isEqualTo("Pa");
        assertThat(ParameterCode.WET_H2.unit()).isEqualTo("%LEL");
    }
}
