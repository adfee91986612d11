package dustwatch.disposal.alarm;

import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.region.RegionCode;
import dustwatch.disposal.feedback.Feedback;

import java.time.Instant;

/**
 * The stored state of one alarm case (报警).
 *
 * @param alarmId           the alarm's id (START and END events share it)
 * @param uscc              the enterprise
 * @param regionCode        its region
 * @param collectorCode     the dust collector, or null
 * @param pointCode         the point that crossed the rule
 * @param rule              the rule that fired, e.g. DRY_HOPPER_TEMP_HIGH
 * @param severity          CRITICAL, MAJOR or MINOR; sets the SLAs
 * @param description       the risk engine's sentence
 * @param startedAt         when the condition began; SLAs count from here
 * @param state             the lifecycle state
 * @param signInDue         sign in by then (签收时限)
 * @param feedbackDue       give feedback by then (反馈时限)
 * @param signedInBy        who signed in, or null
 * @param signedInAt        when, or null
 * @param recoveredAt       when the signal returned to normal, or null
 * @param feedback          the feedback that closed it, or null
 * @param signInOverdueAt   when the sign-in SLA breach was announced, or null
 * @param feedbackOverdueAt when the feedback SLA breach was announced, or null
 * @param version           optimistic-lock version
 */
public record AlarmRecord(String alarmId, String uscc, RegionCode regionCode, String collectorCode, String pointCode,
                          String rule, Severity severity, String description, Instant startedAt, AlarmState state,
                          Instant signInDue, Instant feedbackDue, String signedInBy, Instant signedInAt,
                          Instant recoveredAt, Feedback feedback, Instant signInOverdueAt, Instant feedbackOverdueAt,
                          long version) {

    AlarmRecord with(AlarmState next, String signer, Instant signedAt, Instant recovered, Feedback fb) {
        return new AlarmRecord(alarmId, uscc, regionCode, collectorCode, pointCode, rule, severity, description,
                startedAt, next, signInDue, feedbackDue, signer, signedAt, recovered, fb, signInOverdueAt,
                feedbackOverdueAt, version);
    }

    /** True once an SLA breach of this alarm was announced. */
    public boolean announcedOverdue() {
        return signInOverdueAt != null || feedbackOverdueAt != null;
    }
}
