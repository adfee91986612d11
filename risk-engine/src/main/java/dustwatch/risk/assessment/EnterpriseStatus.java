package dustwatch.risk.assessment;

import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.RiskAssessment;

import java.time.Instant;
import java.util.List;

/**
 * An enterprise's whole risk picture (企业风险态势) as the engine holds it: the latest assessment with every
 * factor (each factor's detail names the inputs that produced it), open alarms, online status per gateway,
 * active filings and cleaning compliance. Answered by {@code GET /api/v1/risk/enterprises/{uscc}/status}.
 *
 * @param uscc               enterprise code
 * @param regionCode         the enterprise's region
 * @param assessment         the latest published assessment, null before the first
 * @param openAlarms         alarms started and not ended
 * @param online             false when every gateway is reported offline
 * @param gateways           each gateway's last message and online status
 * @param activeFilings      approved filings covering now
 * @param cleaningCompliance on-time or late cleaning windows ÷ required windows over the last 7 days (§5.2),
 *                           null without a cleaning plan
 * @param openWarningId      the open warning, null when none
 * @param openWarningColour  its colour
 * @param at                 platform time of this answer
 */
public record EnterpriseStatus(String uscc, String regionCode, RiskAssessment assessment, List<OpenAlarm> openAlarms,
                               boolean online, List<GatewayStatus> gateways, List<Filing> activeFilings,
                               Double cleaningCompliance, String openWarningId, Colour openWarningColour, Instant at) {

    /**
     * An open alarm.
     *
     * @param rule        the rule
     * @param pointCode   the point
     * @param severity    its weight class
     * @param since       when its condition began to hold
     * @param description its START sentence
     */
    public record OpenAlarm(String rule, String pointCode, Severity severity, Instant since, String description) {
    }

    /**
     * A gateway's online status (§2.6).
     *
     * @param gatewayCode the gateway
     * @param lastSeen    its last message
     * @param online      false once reported offline, until its next message
     */
    public record GatewayStatus(String gatewayCode, Instant lastSeen, boolean online) {
    }
}
