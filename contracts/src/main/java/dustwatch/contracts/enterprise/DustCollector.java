package dustwatch.contracts.enterprise;

import java.util.List;

/**
 * A dust collector (除尘器) of an enterprise. Domain reference §2.3 and §7.1.
 *
 * @param code     {@code {USCC}-DC{nnn}}, e.g. {@code 91350304MA2XYZ1234-DC001}
 * @param type     dry bag, cartridge, wet or cyclone
 * @param indoor   true when installed indoors (an inherent-risk factor for dry collectors)
 * @param dustType the dust this collector handles; null means the enterprise's main dust
 * @param points   the monitoring points registered on it, never null; empty when the node registered none, and
 *                 then any catalogue parameter the collector's type admits is accepted on it
 */
public record DustCollector(String code, CollectorType type, boolean indoor, DustType dustType,
                            List<MonitoringPoint> points) {

    public DustCollector {
        points = points == null ? List.of() : List.copyOf(points);
    }

    /** A collector with no dust type of its own and no registered points. */
    public DustCollector(String code, CollectorType type, boolean indoor) {
        this(code, type, indoor, null, List.of());
    }
}
