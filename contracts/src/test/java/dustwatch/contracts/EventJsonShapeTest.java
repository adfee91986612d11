package dustwatch.contracts;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.AlarmType;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningFrequency;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.deadletter.DeadLetter;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.Camera;
import dustwatch.contracts.enterprise.CollectionGateway;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.MonitoringPoint;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.notification.Notification;
import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.DynamicBand;
import dustwatch.contracts.risk.InherentLevel;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.contracts.topic.Json;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON of every published event, so that a producer cannot silently break a consumer: a renamed,
 * added or retyped field fails here. Each case also reads the JSON back through the topic's own serde.
 */
class EventJsonShapeTest {
    static final String USCC = "91350304MA2YB1XK0U";
    static final Instant T0 = Instant.parse("2026-05-01T02:20:00Z");

    @Test
    void readingBatch() {
        var batch = new ReadingBatch("m-1", USCC, "350304101", USCC + "-GW01", T0, false, true, T0.plusSeconds(5),
                List.of(new Reading(USCC + "-DC001-DRY_HOPPER_TEMP-1", ParameterCode.DRY_HOPPER_TEMP, 36.4, 0, T0,
                        97.52, "℉")));
        assertShape(Topics.READINGS, batch, """
                {"eventId":"m-1","uscc":"91350304MA2YB1XK0U","regionCode":"350304101",
                 "gatewayCode":"91350304MA2YB1XK0U-GW01","collectTime":"2026-05-01T02:20:00Z","resend":false,
                 "dataSourceConnected":true,"receivedAt":"2026-05-01T02:20:05Z",
                 "readings":[{"pointCode":"91350304MA2YB1XK0U-DC001-DRY_HOPPER_TEMP-1","param":"DRY_HOPPER_TEMP",
                              "value":36.4,"quality":0,"collectTime":"2026-05-01T02:20:00Z",
                              "originalValue":97.52,"originalUnit":"℉"}]}""");
    }

    @Test
    void heartbeat() {
        assertShape(Topics.HEARTBEATS, new Heartbeat("h-1", USCC, USCC + "-GW01", T0, "2.1.0", 3, true), """
                {"eventId":"h-1","uscc":"91350304MA2YB1XK0U","gatewayCode":"91350304MA2YB1XK0U-GW01",
                 "time":"2026-05-01T02:20:00Z","firmwareVersion":"2.1.0","bufferedMessages":3,"dataSourceConnected":true}""");
    }

    @Test
    void enterpriseProfile() {
        var profile = new EnterpriseProfile(USCC, "黄石金榕木艺有限公司", "350304101", DustType.WOOD, 45, true,
                List.of(new DustCollector(USCC + "-DC001", CollectorType.DRY_BAG, false, DustType.WOOD,
                        List.of(new MonitoringPoint(USCC + "-DC001-DRY_HOPPER_TEMP-1", ParameterCode.DRY_HOPPER_TEMP, "℃",
                                Map.of(AlarmType.HIGH, 65.0))))), T0,
                List.of(new CollectionGateway(USCC + "-GW01", "DW-100", "2.1.0")),
                List.of(new Camera(USCC + "-CAM001", "rtsp://10.0.0.8/main", USCC + "-DC001")), 119.0, 25.43);
        assertShape(Topics.REGISTRY, profile, """
                {"uscc":"91350304MA2YB1XK0U","name":"黄石金榕木艺有限公司","regionCode":"350304101","dustType":"WOOD",
                 "dustWorkers":45,"ignitionProneProcess":true,
                 "collectors":[{"code":"91350304MA2YB1XK0U-DC001","type":"DRY_BAG","indoor":false,"dustType":"WOOD",
                   "points":[{"code":"91350304MA2YB1XK0U-DC001-DRY_HOPPER_TEMP-1","param":"DRY_HOPPER_TEMP","unit":"℃",
                              "thresholds":{"HIGH":65.0}}]}],
                 "updatedAt":"2026-05-01T02:20:00Z",
                 "gateways":[{"code":"91350304MA2YB1XK0U-GW01","model":"DW-100","firmware":"2.1.0"}],
                 "cameras":[{"code":"91350304MA2YB1XK0U-CAM001","streamUrl":"rtsp://10.0.0.8/main",
                             "collectorCode":"91350304MA2YB1XK0U-DC001"}],
                 "longitude":119.0,"latitude":25.43}""");
    }

    @Test
    void alarm() {
        var alarm = new Alarm("a-1", USCC, "350304101", USCC + "-DC001", USCC + "-DC001-DRY_HOPPER_TEMP-1",
                ParameterCode.DRY_HOPPER_TEMP, "DRY_HOPPER_TEMP_HIGH", AlarmType.HIGH, Severity.MAJOR, AlarmStatus.START,
                72.6, 70.0, "℃", T0, null, "灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s", "v1");
        assertShape(Topics.ALARMS, alarm, """
                {"alarmId":"a-1","uscc":"91350304MA2YB1XK0U","regionCode":"350304101",
                 "collectorCode":"91350304MA2YB1XK0U-DC001","pointCode":"91350304MA2YB1XK0U-DC001-DRY_HOPPER_TEMP-1",
                 "param":"DRY_HOPPER_TEMP","rule":"DRY_HOPPER_TEMP_HIGH","type":"HIGH","severity":"MAJOR","status":"START",
                 "value":72.6,"threshold":70.0,"unit":"℃","startTime":"2026-05-01T02:20:00Z","endTime":null,
                 "description":"灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s","configVersion":"v1"}""");
    }

    @Test
    void riskAssessment() {
        var assessment = new RiskAssessment(USCC, "350304101", T0, 57, InherentLevel.B, 20, DynamicBand.L, Colour.YELLOW,
                null, List.of(new RiskFactor("DUST_TYPE", 20, "木质粉尘")), "v1");
        assertShape(Topics.RISK_ASSESSMENTS, assessment, """
                {"uscc":"91350304MA2YB1XK0U","regionCode":"350304101","assessedAt":"2026-05-01T02:20:00Z",
                 "inherentScore":57.0,"inherentLevel":"B","dynamicScore":20.0,"dynamicBand":"L","colour":"YELLOW",
                 "hardTrigger":null,"factors":[{"code":"DUST_TYPE","points":20.0,"detail":"木质粉尘"}],"configVersion":"v1"}""");
    }

    @Test
    void warning() {
        var warning = new Warning("w-1", USCC, "黄石金榕木艺有限公司", "350304101", Colour.YELLOW, T0,
                "灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s", null, List.of(new RiskFactor("ALARM_MAJOR", 20, "1 个较大报警")),
                null, "v1");
        assertShape(Topics.WARNINGS, warning, """
                {"warningId":"w-1","uscc":"91350304MA2YB1XK0U","enterpriseName":"黄石金榕木艺有限公司",
                 "regionCode":"350304101","colour":"YELLOW","issuedAt":"2026-05-01T02:20:00Z",
                 "reason":"灰斗温度 72.6 ℃ ≥ 70.0 ℃ 持续 60 s","hardTrigger":null,
                 "factors":[{"code":"ALARM_MAJOR","points":20.0,"detail":"1 个较大报警"}],"supersedes":null,"configVersion":"v1",
                 "evidenceAt":"2026-05-01T02:20:00Z"}""");
    }

    @Test
    void filing() {
        var filing = new Filing("f-1", USCC, "350304101", FilingKind.STOP_PRODUCTION, null, T0, T0.plusSeconds(3600),
                "设备检修停产", FilingStatus.APPROVED, "huangshi-duty", "TOWN", "API", T0);
        assertShape(Topics.FILINGS, filing, """
                {"filingId":"f-1","uscc":"91350304MA2YB1XK0U","regionCode":"350304101","kind":"STOP_PRODUCTION",
                 "collectorCode":null,"start":"2026-05-01T02:20:00Z","plannedEnd":"2026-05-01T03:20:00Z",
                 "reason":"设备检修停产","status":"APPROVED","approver":"huangshi-duty","approverTier":"TOWN",
                 "source":"API","at":"2026-05-01T02:20:00Z"}""");
    }

    @Test
    void cleaningPlanAndCheckIn() {
        var plan = new CleaningPlan(USCC, "350304101",
                List.of(new CleaningPlan.Area("SANDING-FLOOR", "砂光车间地面", CleaningFrequency.PER_SHIFT)),
                List.of(new CleaningPlan.Shift("白班", java.time.LocalTime.of(8, 0), java.time.LocalTime.of(17, 0))), T0);
        assertShape(Topics.CLEANING_PLANS, plan, """
                {"uscc":"91350304MA2YB1XK0U","regionCode":"350304101",
                 "areas":[{"areaCode":"SANDING-FLOOR","name":"砂光车间地面","frequency":"PER_SHIFT"}],
                 "shifts":[{"name":"白班","start":"08:00:00","end":"17:00:00"}],"updatedAt":"2026-05-01T02:20:00Z"}""");
        var checkIn = new CleaningCheckIn("c-1", USCC, "350304101", "SANDING-FLOOR", "VACUUM", List.of("ab12"),
                "林师傅", 25.43, 119.01, T0, "APP");
        assertShape(Topics.CLEANING_CHECK_INS, checkIn, """
                {"checkInId":"c-1","uscc":"91350304MA2YB1XK0U","regionCode":"350304101","areaCode":"SANDING-FLOOR",
                 "method":"VACUUM","photoHashes":["ab12"],"person":"林师傅","latitude":25.43,"longitude":119.01,
                 "checkedInAt":"2026-05-01T02:20:00Z","source":"APP"}""");
    }

    @Test
    void offlineEventAndDeadLetter() {
        assertShape(Topics.OFFLINE, new OfflineEvent("o-1", USCC, "350304101", "GATEWAY", USCC + "-GW01", "START", T0,
                T0.plusSeconds(600)), """
                {"eventId":"o-1","uscc":"91350304MA2YB1XK0U","regionCode":"350304101","scope":"GATEWAY",
                 "subject":"91350304MA2YB1XK0U-GW01","status":"START","lastSeen":"2026-05-01T02:20:00Z",
                 "at":"2026-05-01T02:30:00Z"}""");
        assertShape(Topics.DEAD_LETTER, new DeadLetter("dust.filing", USCC, "f-1", "INVALID_FILING_WINDOW",
                "计划结束早于开始", "risk-engine", T0), """
                {"sourceTopic":"dust.filing","key":"91350304MA2YB1XK0U","eventId":"f-1","reason":"INVALID_FILING_WINDOW",
                 "detail":"计划结束早于开始","service":"risk-engine","at":"2026-05-01T02:20:00Z"}""");
    }

    @Test
    void disposalEvent() {
        var event = new DisposalEvent("e-1", "w-1", USCC, "350304101", Colour.YELLOW, "SIGN_IN", WarningState.ISSUED,
                WarningState.SIGNED_IN, "jinrong-safety", "ENTERPRISE", null, T0);
        assertShape(Topics.DISPOSAL_EVENTS, event, """
                {"eventId":"e-1","warningId":"w-1","uscc":"91350304MA2YB1XK0U","regionCode":"350304101","colour":"YELLOW",
                 "action":"SIGN_IN","fromState":"ISSUED","toState":"SIGNED_IN","actor":"jinrong-safety",
                 "actorTier":"ENTERPRISE","note":null,"at":"2026-05-01T02:20:00Z","alarmId":null,"targetTier":null}""");
    }

    @Test
    void escalationAndAlarmOverdueEvents() {
        var notice = new DisposalEvent("e-2", "w-1", USCC, "350304101", Colour.YELLOW, DisposalActions.SUPERVISION_NOTICE,
                WarningState.ISSUED, WarningState.ISSUED, "system", "SYSTEM", "签收超时", T0, null, Tier.DISTRICT);
        assertShape(Topics.DISPOSAL_EVENTS, notice, """
                {"eventId":"e-2","warningId":"w-1","uscc":"91350304MA2YB1XK0U","regionCode":"350304101","colour":"YELLOW",
                 "action":"SUPERVISION_NOTICE","fromState":"ISSUED","toState":"ISSUED","actor":"system",
                 "actorTier":"SYSTEM","note":"签收超时","at":"2026-05-01T02:20:00Z","alarmId":null,"targetTier":"DISTRICT"}""");
        var overdue = new DisposalEvent("e-3", null, USCC, "350304101", null, DisposalActions.ALARM_OVERDUE,
                null, null, "system", "SYSTEM", "SIGN_IN", T0, "a-1", null);
        assertShape(Topics.DISPOSAL_EVENTS, overdue, """
                {"eventId":"e-3","warningId":null,"uscc":"91350304MA2YB1XK0U","regionCode":"350304101","colour":null,
                 "action":"ALARM_OVERDUE","fromState":null,"toState":null,"actor":"system",
                 "actorTier":"SYSTEM","note":"SIGN_IN","at":"2026-05-01T02:20:00Z","alarmId":"a-1","targetTier":null}""");
    }

    @Test
    void notification() {
        var notification = new Notification("n-1", "w-1", USCC, Colour.YELLOW, Tier.TOWN, "350304101", "CONSOLE",
                "ROUTED", T0);
        assertShape(Topics.NOTIFICATIONS, notification, """
                {"notificationId":"n-1","warningId":"w-1","uscc":"91350304MA2YB1XK0U","colour":"YELLOW","tier":"TOWN",
                 "audience":"350304101","channel":"CONSOLE","status":"ROUTED","at":"2026-05-01T02:20:00Z"}""");
    }

    private static <V> void assertShape(Topic<String, V> topic, V event, String expectedJson) {
        byte[] written = topic.writeValue(event);
        assertThat(Json.MAPPER.readTree(written)).isEqualTo(Json.MAPPER.readTree(expectedJson));
        assertThat(topic.readValue(written)).isEqualTo(event);
    }
}
