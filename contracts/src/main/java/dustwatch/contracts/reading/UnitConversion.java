package dustwatch.contracts.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The units a gateway may send a parameter in (计量单位换算), each with its conversion to the catalogue's unit
 * ({@link ParameterCode#unit()}). A unit not listed for the parameter's catalogue unit is a unit mismatch: the
 * value cannot be trusted and is refused, never stored under the wrong unit. Spellings are compared exactly
 * after trimming (℃ and °C are both listed; {@code C} is not, it is the coulomb).
 *
 * <p>Hydrogen in {@code %vol} becomes {@code %LEL} with hydrogen's lower explosive limit of 4 %vol
 * (1 %vol = 25 %LEL; domain reference §1.2, WET_H2).
 */
public final class UnitConversion {
    /** Hydrogen's lower explosive limit in %vol. */
    public static final double H2_LEL_PERCENT_VOL = 4.0;

    private record Alias(List<String> spellings, DoubleUnaryOperator toCatalogue) {
    }

    private static final DoubleUnaryOperator SAME = v -> v;

    /** Catalogue unit → the units accepted for it. */
    private static final Map<String, List<Alias>> ACCEPTED = Map.ofEntries(
            Map.entry("℃", List.of(new Alias(List.of("℃", "°C", "degC", "Cel"), SAME),
                    new Alias(List.of("℉", "°F", "degF"), v -> (v - 32) * 5 / 9),
                    new Alias(List.of("K"), v -> v - 273.15))),
            Map.entry("Pa", List.of(new Alias(List.of("Pa"), SAME),
                    new Alias(List.of("hPa", "mbar"), v -> v * 100),
                    new Alias(List.of("kPa"), v -> v * 1_000),
                    new Alias(List.of("MPa"), v -> v * 1_000_000),
                    new Alias(List.of("mmH2O", "mmH₂O"), v -> v * 9.80665))),
            Map.entry("MPa", List.of(new Alias(List.of("MPa"), SAME),
                    new Alias(List.of("kPa"), v -> v / 1_000),
                    new Alias(List.of("bar"), v -> v / 10),
                    new Alias(List.of("Pa"), v -> v / 1_000_000))),
            Map.entry("m", List.of(new Alias(List.of("m"), SAME),
                    new Alias(List.of("cm"), v -> v / 100),
                    new Alias(List.of("mm"), v -> v / 1_000))),
            Map.entry("m³/h", List.of(new Alias(List.of("m³/h", "m3/h"), SAME),
                    new Alias(List.of("m³/s", "m3/s"), v -> v * 3_600),
                    new Alias(List.of("L/min", "l/min"), v -> v * 0.06),
                    new Alias(List.of("L/s", "l/s"), v -> v * 3.6))),
            Map.entry("%LEL", List.of(new Alias(List.of("%LEL"), SAME),
                    new Alias(List.of("%vol", "%VOL"), v -> v * 100 / H2_LEL_PERCENT_VOL))),
            Map.entry("%vol", List.of(new Alias(List.of("%vol", "%VOL", "%"), SAME))),
            Map.entry("A", List.of(new Alias(List.of("A"), SAME), new Alias(List.of("mA"), v -> v / 1_000))),
            Map.entry("m/s", List.of(new Alias(List.of("m/s"), SAME), new Alias(List.of("km/h"), v -> v / 3.6))),
            Map.entry("0/1", List.of(new Alias(List.of("0/1", "bool"), SAME))),
            // a counter's unit
            Map.entry("count", List.of(new Alias(List.of("count", "次", "times"), SAME))));

    private UnitConversion() {
    }

    /**
     * The conversion of a value sent in {@code sentUnit} to {@code param}'s catalogue unit; empty when the unit is
     * not accepted for that parameter. A missing or blank unit means the catalogue's own unit.
     */
    public static Optional<DoubleUnaryOperator> toCatalogue(ParameterCode param, String sentUnit) {
        if (sentUnit == null || sentUnit.isBlank()) {
            return Optional.of(SAME);
        }
        String unit = sentUnit.strip();
        for (Alias alias : ACCEPTED.getOrDefault(param.unit(), List.of())) {
            if (alias.spellings().contains(unit)) {
                return Optional.of(alias.toCatalogue());
            }
        }
        return Optional.empty();
    }

    /** Every spelling accepted for {@code param}, the catalogue's own first. */
    public static List<String> accepted(ParameterCode param) {
        return ACCEPTED.getOrDefault(param.unit(), List.of()).stream().flatMap(a -> a.spellings().stream()).toList();
    }
}
