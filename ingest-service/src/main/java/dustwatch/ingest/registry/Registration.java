package dustwatch.ingest.registry;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/registry/enterprises/{uscc}} (企业基础信息, domain reference §2.4 BASIC), as
 * sent: enums are strings and numbers boxed so that validation can name every bad field instead of failing
 * on the first.
 *
 * @param name                 registered name, e.g. 黄石金榕木艺有限公司
 * @param regionCode           district (6 digits) or town (9 digits) inside the node's city
 * @param dustType             a {@link dustwatch.contracts.enterprise.DustType} name, e.g. {@code WOOD}
 * @param dustWorkers          dust-exposed workers (涉粉作业人数), ≥ 0
 * @param ignitionProneProcess sanding, grinding/polishing, crushing or granulating
 * @param collectors           the dust collectors (除尘器), codes {@code {uscc}-DC{nnn}}
 */
public record Registration(
        String name,
        String regionCode,
        String dustType,
        Integer dustWorkers,
        Boolean ignitionProneProcess,
        List<Collector> collectors) {

    /**
     * One collector as sent.
     *
     * @param code   {@code {uscc}-DC{nnn}}
     * @param type   a {@link dustwatch.contracts.enterprise.CollectorType} name, e.g. {@code DRY_BAG}
     * @param indoor installed indoors
     */
    public record Collector(String code, String type, Boolean indoor) {
    }
}
