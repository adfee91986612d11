package dustwatch.contracts.enterprise;

/**
 * A data-collection gateway (数据采集网关) of an enterprise. Domain reference §2.3 and the gateway checklist of §7.2.
 *
 * @param code     {@code {USCC}-GW{nn}}
 * @param model    maker and model, may be null
 * @param firmware firmware version as registered, may be null
 */
public record CollectionGateway(String code, String model, String firmware) {
}
