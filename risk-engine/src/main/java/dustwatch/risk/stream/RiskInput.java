package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.reading.Heartbeat;

import java.time.Instant;
import java.util.List;

/**
 * What the assessment processor receives, typed: one record per kind of input. Passed in memory between the
 * processors of one task, never serialized. A new input is one more record here and one case in
 * {@link AssessmentProcessor}.
 */
sealed interface RiskInput {

    /** The registry's latest profile of the enterprise; null when it was removed (a tombstone). */
    record ProfileChanged(EnterpriseProfile profile) implements RiskInput {
    }

    /**
     * One reading batch applied by the alarm processor.
     *
     * @param eventId           the batch's event id
     * @param gatewayCode       the gateway that sent it
     * @param receivedAt        when ingest accepted it (platform time)
     * @param collectTime       the batch's collect time (evidence time)
     * @param live              false for RESEND and late data: it fills history but starts nothing
     * @param alarms            alarms started or ended by this batch
     * @param runningCollectors collectors whose good FAN_RUN value was 1 in this batch
     * @param goodPoints        mandatory points with a good (quality 0) value in this batch
     */
    record ReadingsApplied(String eventId, String gatewayCode, Instant receivedAt, Instant collectTime, boolean live,
                           List<Alarm> alarms, List<String> runningCollectors, List<String> goodPoints) implements RiskInput {
    }

    /** A gateway heartbeat (心跳). */
    record HeartbeatReceived(Heartbeat heartbeat) implements RiskInput {
    }

    /** A filing (报备) event. */
    record FilingReceived(Filing filing) implements RiskInput {
    }

    /** The enterprise's cleaning plan (清扫计划). */
    record CleaningPlanReceived(CleaningPlan plan) implements RiskInput {
    }

    /** A cleaning check-in (清扫打卡). */
    record CheckInReceived(CleaningCheckIn checkIn) implements RiskInput {
    }

    /** A warning lifecycle transition from disposal-service (处置). */
    record DisposalReported(DisposalEvent event) implements RiskInput {
    }
}
