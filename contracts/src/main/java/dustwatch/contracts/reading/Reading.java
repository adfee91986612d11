package dustwatch.contracts.reading;

import java.time.Instant;

/**
 * One value of one point (监测点位) at one time. Domain reference §2.4 (REALTIME points) and §2.5 (quality).
 *
 * @param pointCode     {@code {collectorCode}-{paramCode}[-{n}]}
 * @param param         the catalogue parameter of the point
 * @param value         the value in {@link ParameterCode#unit()} (℃, Pa, m, m³/h, %LEL, 0/1 …), converted on
 *                      intake when the gateway sent another unit ({@link UnitConversion})
 * @param quality       quality code of §2.5: 0 good, 1 out of range, 2 sensor fault, 3 communication loss, …
 * @param collectTime   when the gateway sampled the value
 * @param originalValue the value as the gateway sent it (equal to {@code value} when no conversion was needed)
 * @param originalUnit  the unit as the gateway sent it; null when it sent none (the catalogue's unit was assumed)
 */
public record Reading(String pointCode, ParameterCode param, double value, int quality, Instant collectTime,
                      double originalValue, String originalUnit) {

    /** A reading sent in the catalogue's unit, or with no unit at all. */
    public Reading(String pointCode, ParameterCode param, double value, int quality, Instant collectTime) {
        this(pointCode, param, value, quality, collectTime, value, null);
    }

    /** Quality 0: only good values feed threshold alarms (§2.5). Not written to JSON. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean good() {
        return quality == 0;
    }
}
