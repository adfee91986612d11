package dustwatch.risk.stream.kafka;

import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.risk.assessment.EnterpriseStatus;
import dustwatch.risk.model.CleaningFactor;
import dustwatch.risk.model.EnterpriseRiskState;

import java.time.Instant;

/** Builds the {@link EnterpriseStatus} answer from an enterprise's state and latest assessment. */
final class EnterpriseStatuses {
    private static final int COMPLIANCE_DAYS = 7;

    private EnterpriseStatuses() {
    }

    static EnterpriseStatus of(EnterpriseRiskState s, RiskAssessment latest, CleaningFactor cleaning, Instant now) {
        var alarms = s.activeAlarms().stream().map(a -> new EnterpriseStatus.OpenAlarm(a.ruleId(), a.pointCode(),
                a.severity(), a.since(), a.description())).toList();
        var gateways = s.gatewaysLastSeen().entrySet().stream().map(e -> new EnterpriseStatus.GatewayStatus(e.getKey(),
                e.getValue(), !s.offlineGateways().contains(e.getKey()))).toList();
        Double compliance = s.cleaningPlan() == null ? null : cleaning.complianceRate(s, now, COMPLIANCE_DAYS);
        return new EnterpriseStatus(s.uscc(), s.profile().regionCode(), latest, alarms, !s.enterpriseOffline(), gateways,
                s.activeFilings(now), compliance, s.openWarning() == null ? null : s.openWarning().warningId(),
                s.openWarning() == null ? null : s.openWarning().colour(), now);
    }
}
