package dustwatch.contracts.topic;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.deadletter.DeadLetter;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.notification.Notification;
import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.warning.Warning;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * Every topic dustwatch uses. All are keyed by the enterprise's USCC (统一社会信用代码) so that everything
 * about one enterprise stays on one partition and in one Kafka Streams task (architecture: rules of the
 * road). Names follow domain reference §2.2.
 */
public final class Topics {
    private static final Serde<String> USCC = Serdes.String();

    /** Validated real-time readings (实时数据), one batch per accepted REALTIME message. */
    public static final Topic<String, ReadingBatch> READINGS =
            new Topic<>("dust.realtime", USCC, new JsonSerde<>(ReadingBatch.class), false);
    /** Gateway heartbeats (心跳). */
    public static final Topic<String, Heartbeat> HEARTBEATS =
            new Topic<>("dust.heartbeat", USCC, new JsonSerde<>(Heartbeat.class), false);
    /** Enterprise registry (基础信息): the latest profile per enterprise. */
    public static final Topic<String, EnterpriseProfile> REGISTRY =
            new Topic<>("dust.registry", USCC, new JsonSerde<>(EnterpriseProfile.class), true);
    /** Point alarms (报警), start and end events. */
    public static final Topic<String, Alarm> ALARMS =
            new Topic<>("dust.alarm", USCC, new JsonSerde<>(Alarm.class), false);
    /** The latest risk assessment per enterprise. */
    public static final Topic<String, RiskAssessment> RISK_ASSESSMENTS =
            new Topic<>("dust.risk-assessments", USCC, new JsonSerde<>(RiskAssessment.class), true);
    /** Colour-graded warnings (预警). */
    public static final Topic<String, Warning> WARNINGS =
            new Topic<>("dust.warning", USCC, new JsonSerde<>(Warning.class), false);
    /** Warning lifecycle transitions announced by disposal-service (处置). */
    public static final Topic<String, DisposalEvent> DISPOSAL_EVENTS =
            new Topic<>("dust.disposal-events", USCC, new JsonSerde<>(DisposalEvent.class), false);
    /** Delivery log of alert-service. */
    public static final Topic<String, Notification> NOTIFICATIONS =
            new Topic<>("dust.notifications", USCC, new JsonSerde<>(Notification.class), false);
    /** Stop-production and maintenance filings (报备), every submission, approval and revocation. */
    public static final Topic<String, Filing> FILINGS =
            new Topic<>("dust.filing", USCC, new JsonSerde<>(Filing.class), false);
    /** Cleaning plans (清扫计划): the latest plan per enterprise. */
    public static final Topic<String, CleaningPlan> CLEANING_PLANS =
            new Topic<>("dust.cleaning-plan", USCC, new JsonSerde<>(CleaningPlan.class), true);
    /** Cleaning check-ins (清扫打卡). */
    public static final Topic<String, CleaningCheckIn> CLEANING_CHECK_INS =
            new Topic<>("dust.cleaning", USCC, new JsonSerde<>(CleaningCheckIn.class), false);
    /** Gateways and enterprises going offline and coming back (离线/恢复在线), from the risk engine. */
    public static final Topic<String, OfflineEvent> OFFLINE =
            new Topic<>("dust.offline", USCC, new JsonSerde<>(OfflineEvent.class), false);
    /** Records a service could not apply, with the reason (死信). */
    public static final Topic<String, DeadLetter> DEAD_LETTER =
            new Topic<>("dust.dead-letter", USCC, new JsonSerde<>(DeadLetter.class), false);

    /** All topics, for creating them at start-up. */
    public static final List<Topic<String, ?>> ALL = List.of(
            READINGS, HEARTBEATS, REGISTRY, ALARMS, RISK_ASSESSMENTS, WARNINGS, DISPOSAL_EVENTS, NOTIFICATIONS,
            FILINGS, CLEANING_PLANS, CLEANING_CHECK_INS, OFFLINE, DEAD_LETTER);

    private Topics() {
    }
}
