package dustwatch.contracts.enterprise;

/**
 * A dust collector (除尘器) of an enterprise. Domain reference §2.3 and §7.1.
 *
 * @param code   {@code {USCC}-DC{nnn}}, e.g. {@code 91350304MA2XYZ1234-DC001}
 * @param type   dry bag, cartridge, wet or cyclone
 * @param indoor true when installed indoors (an inherent-risk factor for dry collectors)
 */
public record DustCollector(String code, CollectorType type, boolean indoor) {
}
