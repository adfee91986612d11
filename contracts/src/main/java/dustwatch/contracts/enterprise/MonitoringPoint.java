package dustwatch.contracts.enterprise;

import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.reading.ParameterCode;

import java.util.Map;

/**
 * A registered monitoring point (监测点位) of a dust collector. Domain reference §2.3 (point code) and §1.2
 * (thresholds configurable per collector).
 *
 * @param code       {@code {collectorCode}-{paramCode}[-{n}]}
 * @param param      the catalogue parameter it measures
 * @param unit       the unit its sensor sends when a message names none; null means the catalogue's unit
 * @param thresholds alarm thresholds that override the platform's defaults for this point, in the catalogue's
 *                   unit (e.g. {@code HIGH → 65.0} for a hopper), never null
 */
public record MonitoringPoint(String code, ParameterCode param, String unit, Map<AlarmType, Double> thresholds) {

    public MonitoringPoint {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }
}
