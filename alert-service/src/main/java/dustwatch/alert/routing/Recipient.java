package dustwatch.alert.routing;

import dustwatch.contracts.region.Tier;

/**
 * A unit an event is routed to (推送单位): a government unit (region code) or the enterprise (USCC), and why.
 *
 * @param tier     the unit's tier
 * @param unitCode region code, or the USCC for ENTERPRISE
 * @param why      the rule that chose it, e.g. {@code WARNING/YELLOW in every region v1: plan 三(三)2 …}
 */
public record Recipient(Tier tier, String unitCode, String why) {
}
