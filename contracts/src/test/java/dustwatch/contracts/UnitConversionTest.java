package dustwatch.contracts;

import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.UnitConversion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UnitConversionTest {

    private static double convert(ParameterCode p, String unit, double v) {
        return UnitConversion.toCatalogue(p, unit).orElseThrow().applyAsDouble(v);
    }

    @Test
    void fahrenheitHopperTemperatureBecomesCelsius() {
        assertThat(convert(ParameterCode.DRY_HOPPER_TEMP, "℉", 165)).isCloseTo(73.888, within(0.001));
        assertThat(convert(ParameterCode.DRY_HOPPER_TEMP, "°F", 32)).isCloseTo(0.0, within(1e-9));
        assertThat(convert(ParameterCode.DRY_HOPPER_TEMP, "K", 343.15)).isCloseTo(70.0, within(1e-9));
    }

    @Test
    void pressuresLengthsFlowsAndHydrogen() {
        assertThat(convert(ParameterCode.DRY_DP, "kPa", 1.23)).isCloseTo(1230, within(1e-9));
        assertThat(convert(ParameterCode.PULSE_AIR_P, "bar", 6)).isCloseTo(0.6, within(1e-9));
        assertThat(convert(ParameterCode.WET_TANK_LEVEL, "mm", 850)).isCloseTo(0.85, within(1e-9));
        assertThat(convert(ParameterCode.WET_FLOW, "L/min", 1000)).isCloseTo(60, within(1e-9));
        // 1 %vol of hydrogen is a quarter of its lower explosive limit (4 %vol)
        assertThat(convert(ParameterCode.WET_H2, "%vol", 1)).isCloseTo(25, within(1e-9));
    }

    @Test
    void missingUnitIsTheCatalogueUnitAndForeignUnitsAreRefused() {
        assertThat(convert(ParameterCode.DRY_DP, null, 900)).isEqualTo(900);
        assertThat(convert(ParameterCode.DRY_DP, " Pa ", 900)).isEqualTo(900);
        assertThat(UnitConversion.toCatalogue(ParameterCode.DRY_HOPPER_TEMP, "Pa")).isEmpty();
        assertThat(UnitConversion.toCatalogue(ParameterCode.DRY_HOPPER_TEMP, "C")).as("C is the coulomb").isEmpty();
        assertThat(UnitConversion.toCatalogue(ParameterCode.WET_TANK_LEVEL, "%")).isEmpty();
    }

    @Test
    void everyCatalogueParameterAcceptsItsOwnUnit() {
        for (ParameterCode p : ParameterCode.values()) {
            assertThat(UnitConversion.accepted(p)).as(p.name()).contains(p.unit());
            assertThat(convert(p, p.unit(), 7.5)).as(p.name()).isEqualTo(7.5);
        }
    }
}
