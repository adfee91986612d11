package dustwatch.risk.alarm;

/**
 * Where a point belongs, copied onto its alarms.
 *
 * @param uscc          enterprise code
 * @param regionCode    the enterprise's region
 * @param collectorCode {@code {USCC}-DC{nnn}}, null when the point code names no collector
 */
public record PointOwner(String uscc, String regionCode, String collectorCode) {
}
