package dustwatch.contracts.enterprise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An enterprise's basic information (企业基础信息) as registered by its city node or a regulator: the value on
 * the compacted registry topic. Domain reference §2.3–2.4 (BASIC) and the inherent-risk inputs of §3.2 step A.
 *
 * @param uscc                 18-character unified social credit code
 * @param name                 registered name, e.g. 黄石金榕木艺有限公司
 * @param regionCode           the district or town code the enterprise lies in (9 digits for a town)
 * @param dustType             the main combustible dust
 * @param dustWorkers          dust-exposed workers (涉粉作业人数)
 * @param ignitionProneProcess true for sanding, grinding/polishing, crushing or granulating
 * @param collectors           the dust collectors, never null
 * @param updatedAt            when the registry accepted this version
 * @param gateways             the data-collection gateways, never null; empty when none was registered, and then
 *                             any {@code {USCC}-GW{nn}} is accepted
 * @param cameras              the video cameras, never null
 * @param longitude            WGS-84 longitude of the site, for the region map; null when unknown
 * @param latitude             WGS-84 latitude of the site; null when unknown
 */
public record EnterpriseProfile(
        String uscc,
        String name,
        String regionCode,
        DustType dustType,
        int dustWorkers,
        boolean ignitionProneProcess,
        List<DustCollector> collectors,
        Instant updatedAt,
        List<CollectionGateway> gateways,
        List<Camera> cameras,
        Double longitude,
        Double latitude) {

    public EnterpriseProfile {
        collectors = collectors == null ? List.of() : List.copyOf(collectors);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
    }

    /** A profile with collectors only: no gateways, cameras or position registered. */
    public EnterpriseProfile(String uscc, String name, String regionCode, DustType dustType, int dustWorkers,
                             boolean ignitionProneProcess, List<DustCollector> collectors, Instant updatedAt) {
        this(uscc, name, regionCode, dustType, dustWorkers, ignitionProneProcess, collectors, updatedAt,
                List.of(), List.of(), null, null);
    }

    /** The registered collector {@code code}, if any. */
    public Optional<DustCollector> collector(String code) {
        return collectors.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
