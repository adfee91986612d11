package dustwatch.contracts.enterprise;

import java.time.Instant;
import java.util.List;

/**
 * An enterprise's basic information (企业基础信息) as registered by its city node: the value on the compacted
 * registry topic. Domain reference §2.4 (BASIC) and the inherent-risk inputs of §3.2 step A.
 *
 * @param uscc                18-character unified social credit code
 * @param name                registered name, e.g. 黄石金榕木艺有限公司
 * @param regionCode          the district or town code the enterprise lies in (9 digits for a town)
 * @param dustType            the main combustible dust
 * @param dustWorkers         dust-exposed workers (涉粉作业人数)
 * @param ignitionProneProcess true for sanding, grinding/polishing, crushing or granulating
 * @param collectors          the dust collectors, never null
 * @param updatedAt           when the registry accepted this version
 */
public record EnterpriseProfile(
        String uscc,
        String name,
        String regionCode,
        DustType dustType,
        int dustWorkers,
        boolean ignitionProneProcess,
        List<DustCollector> collectors,
        Instant updatedAt) {

    public EnterpriseProfile {
        collectors = collectors == null ? List.of() : List.copyOf(collectors);
    }
}
