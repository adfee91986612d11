package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.deadletter.DeadLetter;
import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustCollector;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.risk.InherentLevel;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dustwatch.contracts.reading.ParameterCode.DRY_HOPPER_TEMP;
import static dustwatch.contracts.reading.ParameterCode.FAN_RUN;
import static dustwatch.contracts.reading.ParameterCode.SPARK_DETECT;
import static dustwatch.risk.Fixtures.HUANGSHI;
import static dustwatch.risk.Fixtures.SHIFT_START;
import static dustwatch.risk.Fixtures.WOOD_PLANT;
import static dustwatch.risk.Fixtures.batch;
import static dustwatch.risk.Fixtures.good;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole signal on the topology: time semantics (late and RESEND data), hysteresis, flapping, offline from
 * the wall clock alone, filings, cleaning check-ins, hard triggers, dead letters. Shipped configuration.
 */
class RiskSignalTopologyTest {
    @TempDir
    Path stateDir;
    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness(stateDir, SHIFT_START);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aResendReadingOf72From24HoursAgoFollowedByOneLive72RaisesNothing() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant now = h.now();
        Instant dayAgo = now.minus(Duration.ofHours(24));
        h.readings.pipeInput(WOOD_PLANT, Fixtures.resend(WOOD_PLANT, HUANGSHI, dayAgo, now,
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72, dayAgo)));
        h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, now.plusSeconds(10),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72, now.plusSeconds(10))));
        assertThat(h.alarms.isEmpty()).as("no alarm 持续 86410 s").isTrue();
        assertThat(h.warnings.isEmpty()).isTrue();
        assertThat(h.topology.lateBatches()).isEqualTo(1);
        assertThat(h.state(WOOD_PLANT).gatewaysLastSeen()).containsEntry(WOOD_PLANT + "-GW01", now.plusSeconds(10));

        h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, now.plusSeconds(70),
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 72, now.plusSeconds(70))));
        Alarm live = h.alarms.readValue();
        assertThat(live.startTime()).as("held since the first live value").isEqualTo(now.plusSeconds(10));
        assertThat(live.description()).isEqualTo("灰斗温度 72.0 ℃ ≥ 70.0 ℃ 持续 60 s");
    }

    @Test
    void aThreeDayOldNormalBacklogAt85AndDataOlderThanTheGatewaysLatestOpenNothing() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant now = h.now();
        for (int m = 0; m <= 15; m++) {
            Instant t = now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(m));
            h.readings.pipeInput(WOOD_PLANT, Fixtures.received(WOOD_PLANT, HUANGSHI, t, now,
                    good(WOOD_PLANT, DRY_HOPPER_TEMP, 85, t)));
        }
        assertThat(h.alarms.isEmpty()).isTrue();
        assertThat(h.warnings.isEmpty()).as("no RED at once from a backlog").isTrue();

        h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, now, good(WOOD_PLANT, DRY_HOPPER_TEMP, 40, now)));
        for (int m = 5; m >= 3; m--) { // arrive after the newer normal value
            Instant t = now.minus(Duration.ofMinutes(m));
            h.readings.pipeInput(WOOD_PLANT, Fixtures.received(WOOD_PLANT, HUANGSHI, t, now,
                    good(WOOD_PLANT, DRY_HOPPER_TEMP, 85, t)));
        }
        assertThat(h.alarms.isEmpty()).isTrue();
        assertThat(h.topology.lateBatches()).isEqualTo(19);
    }

    @Test
    void hysteresisAnAlarmEndsOnlyBelowItsClearLevel() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant t0 = h.now();
        double[] values = {72, 72, 69.9, 70.1, 69.9, 68, 67.5, 66.9};
        for (int i = 0; i < values.length; i++) {
            Instant t = t0.plusSeconds(60L * i);
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, DRY_HOPPER_TEMP, values[i], t)));
        }
        List<Alarm> high = h.alarms.readValuesToList().stream().filter(a -> a.rule().equals("DRY_HOPPER_TEMP_HIGH")).toList();
        assertThat(high).extracting(Alarm::status).containsExactly(AlarmStatus.START, AlarmStatus.END);
        assertThat(high.get(1).value()).as("ends at the first value below 67 ℃").isEqualTo(66.9);
        assertThat(high.get(1).endTime()).isEqualTo(t0.plusSeconds(420));
    }

    @Test
    void aFlappingAlarmStaysOpenInsteadOfStartingAgainAndEndsAfterTheQuietTime() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant t0 = h.now();
        int minute = 0;
        for (; minute < 12; minute++) { // 1, 0, 1, 0 … every minute
            Instant t = t0.plus(Duration.ofMinutes(minute));
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, SPARK_DETECT, minute % 2 == 0 ? 1 : 0, t)));
        }
        List<Alarm> oscillating = h.alarms.readValuesToList();
        assertThat(oscillating).extracting(Alarm::status).as("three starts, then it is flapping and stays open")
                .containsExactly(AlarmStatus.START, AlarmStatus.END, AlarmStatus.START, AlarmStatus.END, AlarmStatus.START);
        assertThat(h.state(WOOD_PLANT).openAlarms()).hasSize(1);
        for (; minute < 30; minute++) {
            Instant t = t0.plus(Duration.ofMinutes(minute));
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, SPARK_DETECT, 0, t)));
        }
        Alarm end = h.alarms.readValue();
        assertThat(end.status()).isEqualTo(AlarmStatus.END);
        assertThat(end.description()).startsWith("振荡报警平息");
        assertThat(end.endTime()).as("10 min after the last spark (minute 10)").isEqualTo(t0.plus(Duration.ofMinutes(21)));
        assertThat(h.alarms.isEmpty()).isTrue();
    }

    @Test
    void aSilentGatewayGoesOfflineOnTheWallClockAloneAndComesBackWithItsNextMessage() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant lastSeen = h.now();
        h.heartbeats.pipeInput(WOOD_PLANT, Fixtures.heartbeat(WOOD_PLANT, lastSeen));
        h.advance(Duration.ofMinutes(10).minusSeconds(5));
        assertThat(h.offline.isEmpty()).isTrue();
        h.advanceFinely(Duration.ofSeconds(10));
        List<OfflineEvent> down = h.offline.readValuesToList();
        assertThat(down).extracting(OfflineEvent::scope, OfflineEvent::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GATEWAY", "START"), org.assertj.core.groups.Tuple.tuple("ENTERPRISE", "START"));
        assertThat(down.getFirst().subject()).isEqualTo(WOOD_PLANT + "-GW01");
        assertThat(down.getFirst().lastSeen()).isEqualTo(lastSeen);
        assertThat(down.getFirst().at()).isBetween(lastSeen.plus(Duration.ofMinutes(10)),
                lastSeen.plus(Duration.ofMinutes(10)).plusSeconds(5));

        h.advance(Duration.ofMinutes(25));
        assertThat(h.offline.isEmpty()).as("raised once").isTrue();
        RiskAssessment silent = h.latest(WOOD_PLANT);
        assertThat(silent.factors()).extracting(RiskFactor::code, RiskFactor::points)
                .contains(org.assertj.core.groups.Tuple.tuple("OFFLINE", 15.0));
        assertThat(silent.colour()).as("15 → L; B × L").isEqualTo(Colour.YELLOW);

        h.heartbeats.pipeInput(WOOD_PLANT, Fixtures.heartbeat(WOOD_PLANT, h.now()));
        assertThat(h.offline.readValuesToList()).extracting(OfflineEvent::scope, OfflineEvent::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GATEWAY", "END"), org.assertj.core.groups.Tuple.tuple("ENTERPRISE", "END"));
        assertThat(h.latest(WOOD_PLANT).factors()).extracting(RiskFactor::code).doesNotContain("OFFLINE");
    }

    /**
     * The wall-clock pass is bounded: with tick-batch 2, five silent enterprises go offline over three ticks (2, 2, 1),
     * each exactly once; no tick visits them all.
     */
    @Test
    void theWallClockPassVisitsTickBatchEnterprisesATickAndGoesOnWhereItStopped() {
        h.close();
        EngineProperties shipped = dustwatch.risk.ShippedConfig.engine();
        h = Harness.withEngine(stateDir, SHIFT_START, new EngineProperties(shipped.liveMaxAge(), shipped.offlineTimeout(),
                shipped.punctuateInterval(), shipped.reassessInterval(), shipped.catchUpLag(), 2));
        List<String> usccs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String uscc = Fixtures.usccOf(String.format("91350304MA2TB%04d", i));
            usccs.add(uscc);
            EnterpriseProfile p = Fixtures.woodPlant();
            h.registry.pipeInput(uscc, new EnterpriseProfile(uscc, p.name() + i, p.regionCode(), p.dustType(), p.dustWorkers(),
                    p.ignitionProneProcess(), List.of(new dustwatch.contracts.enterprise.DustCollector(uscc + "-DC001",
                    p.collectors().getFirst().type(), false)), p.updatedAt()));
            h.heartbeats.pipeInput(uscc, Fixtures.heartbeat(uscc, h.now()));
        }
        h.advance(Duration.ofMinutes(10).minusSeconds(5));  // every pass so far found them all still online
        assertThat(h.offline.isEmpty()).isTrue();
        List<List<String>> perTick = new ArrayList<>();
        for (int tick = 0; tick < 4; tick++) {
            h.advanceFinely(Duration.ofSeconds(5));
            perTick.add(h.offline.readValuesToList().stream().filter(e -> e.scope().equals("ENTERPRISE"))
                    .map(OfflineEvent::uscc).toList());
        }
        assertThat(perTick.stream().mapToInt(List::size).max().orElse(0)).as("never more than tick-batch a tick").isEqualTo(2);
        assertThat(perTick.stream().flatMap(List::stream).toList()).as("each once")
                .containsExactlyInAnyOrderElementsOf(usccs);
    }

    @Test
    void noOfflineIsRaisedWhileTheEngineWorksThroughABacklogButOnceItHasCaughtUp() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant received = h.now().minus(Duration.ofMinutes(20)); // a backlog: received 20 min ago, processed now
        h.readings.pipeInput(WOOD_PLANT, Fixtures.received(WOOD_PLANT, HUANGSHI, received, received,
                good(WOOD_PLANT, DRY_HOPPER_TEMP, 40, received)));
        h.advanceFinely(Duration.ofSeconds(5));
        assertThat(h.offline.isEmpty()).as("the silence may be the engine's own lag").isTrue();
        h.advanceFinely(Duration.ofSeconds(10));
        assertThat(h.offline.readValuesToList()).extracting(OfflineEvent::status).containsExactly("START", "START");
    }

    @Test
    void aStopFilingSuppressesOfflineAndHazardAlarmsRaisesAMismatchForARunningFanAndExpiresByItself() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        Instant start = h.now();
        h.heartbeats.pipeInput(WOOD_PLANT, Fixtures.heartbeat(WOOD_PLANT, start));
        h.filings.pipeInput(WOOD_PLANT, Fixtures.approvedFiling(WOOD_PLANT, HUANGSHI, FilingKind.STOP_PRODUCTION,
                start, start.plus(Duration.ofHours(1))));
        h.advance(Duration.ofMinutes(30));
        assertThat(h.offline.isEmpty()).as("silence under a stop filing is not offline").isTrue();

        for (int s = 0; s <= 120; s += 60) {
            Instant t = h.now().plusSeconds(s);
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, FAN_RUN, 1, t),
                    good(WOOD_PLANT, DRY_HOPPER_TEMP, 85, t)));
        }
        assertThat(h.alarms.isEmpty()).as("hazard alarms suppressed in the filing's scope").isTrue();
        assertThat(h.latest(WOOD_PLANT).factors()).extracting(RiskFactor::code, RiskFactor::points)
                .contains(org.assertj.core.groups.Tuple.tuple("FILING_MISMATCH", 10.0));

        h.advance(Duration.ofMinutes(31)); // past the planned end, 30 min after the last message
        assertThat(h.state(WOOD_PLANT).filings()).as("expired by itself").isEmpty();
        assertThat(h.offline.readValuesToList()).extracting(OfflineEvent::status).contains("START");
        assertThat(h.latest(WOOD_PLANT).factors()).extracting(RiskFactor::code).doesNotContain("FILING_MISMATCH");

        Instant after = h.now();
        for (int s = 0; s <= 60; s += 60) {
            Instant t = after.plusSeconds(s);
            h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, t, good(WOOD_PLANT, DRY_HOPPER_TEMP, 85, t)));
        }
        assertThat(h.alarms.readValuesToList()).extracting(Alarm::rule)
                .contains("DRY_HOPPER_TEMP_HIGH", "DRY_HOPPER_TEMP_HIGH_HIGH");
    }

    @Test
    void aMissedShiftCheckInAddsTenALateOneClearsItAndAReusedPhotoIsRefused() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        h.plans.pipeInput(WOOD_PLANT, Fixtures.shiftPlan(WOOD_PLANT, HUANGSHI));
        RiskAssessment missed = h.latest(WOOD_PLANT);
        assertThat(missed.factors()).extracting(RiskFactor::code, RiskFactor::points)
                .contains(org.assertj.core.groups.Tuple.tuple("CLEANING_MISSED", 10.0));
        assertThat(missed.dynamicScore()).isEqualTo(10.0);
        Warning yellow = h.warnings.readValue();
        assertThat(yellow.colour()).isEqualTo(Colour.YELLOW);
        assertThat(yellow.reason()).isEqualTo("砂光车间地面 2026-04-30 20:00–08:00 清扫未打卡 10");

        // checked in at 09:30 China time: late (within 2 h after the night shift) but done
        h.checkIns.pipeInput(WOOD_PLANT, Fixtures.checkIn(WOOD_PLANT, HUANGSHI, "SANDING-FLOOR",
                SHIFT_START.minus(Duration.ofMinutes(30)), "photo-a"));
        assertThat(h.latest(WOOD_PLANT).dynamicScore()).isZero();

        h.checkIns.pipeInput(WOOD_PLANT, Fixtures.checkIn(WOOD_PLANT, HUANGSHI, "SANDING-FLOOR", SHIFT_START, "photo-a"));
        DeadLetter refused = h.deadLetters.readValue();
        assertThat(refused.reason()).isEqualTo("DUPLICATE_PHOTO");
        assertThat(refused.sourceTopic()).isEqualTo("dust.cleaning");
        assertThat(h.state(WOOD_PLANT).checkIns()).hasSize(1);
    }

    @Test
    void threeDaysWithMissedCheckInsAddTwenty() {
        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        CleaningPlan plan = Fixtures.shiftPlan(WOOD_PLANT, HUANGSHI);
        h.plans.pipeInput(WOOD_PLANT, new CleaningPlan(plan.uscc(), plan.regionCode(), plan.areas(), plan.shifts(),
                SHIFT_START.minus(Duration.ofDays(7))));
        assertThat(h.latest(WOOD_PLANT).factors()).extracting(RiskFactor::code, RiskFactor::points)
                .containsSubsequence(org.assertj.core.groups.Tuple.tuple("CLEANING_MISSED_DAYS", 20.0))
                .extracting(t -> t.toList().getFirst()).doesNotContain("CLEANING_MISSED");
    }

    @Test
    void hopperHighHighHeldTenMinutesMakesALevelCPlantRed() {
        String uscc = WOOD_PLANT;
        h.registry.pipeInput(uscc, new EnterpriseProfile(uscc, "小木器厂", HUANGSHI, DustType.WOOD, 12, false,
                List.of(new DustCollector(uscc + "-DC001", CollectorType.DRY_BAG, false)), SHIFT_START));
        Instant t0 = h.now();
        for (int m = 0; m <= 15; m++) {
            Instant t = t0.plus(Duration.ofMinutes(m));
            h.readings.pipeInput(uscc, batch(uscc, HUANGSHI, t, good(uscc, DRY_HOPPER_TEMP, 82, t)));
        }
        List<Warning> issued = h.warnings.readValuesToList();
        assertThat(issued).extracting(Warning::colour).containsExactly(Colour.ORANGE, Colour.RED);
        Warning red = issued.getLast();
        assertThat(red.hardTrigger()).isEqualTo("HOPPER_HIGH_HIGH_HELD");
        assertThat(red.evidenceAt()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        assertThat(red.supersedes()).isEqualTo(issued.getFirst().warningId());
        assertThat(h.latest(uscc).inherentLevel()).isEqualTo(InherentLevel.C);
    }

    @Test
    void recordsTheEngineCannotApplyGoToTheDeadLetterTopicWithTheReason() {
        h.readings.pipeInput(WOOD_PLANT, batch(WOOD_PLANT, HUANGSHI, h.now(), good(WOOD_PLANT, DRY_HOPPER_TEMP, 40, h.now())));
        DeadLetter unregistered = h.deadLetters.readValue();
        assertThat(unregistered.reason()).isEqualTo("UNREGISTERED_ENTERPRISE");
        assertThat(unregistered.key()).isEqualTo(WOOD_PLANT);

        h.registry.pipeInput(WOOD_PLANT, Fixtures.woodPlant());
        h.filings.pipeInput(WOOD_PLANT, new Filing("f-bad", WOOD_PLANT, HUANGSHI, FilingKind.MAINTENANCE, null,
                h.now(), h.now().minusSeconds(1), "检修", FilingStatus.APPROVED, null, null, "NODE", h.now()));
        DeadLetter filing = h.deadLetters.readValue();
        assertThat(filing.reason()).isEqualTo("INVALID_FILING");
        assertThat(filing.detail()).isEqualTo("计划结束时间不晚于开始时间");
        assertThat(filing.eventId()).isEqualTo("f-bad");
        h.filings.pipeInput(WOOD_PLANT, (Filing) null);
        assertThat(h.deadLetters.readValue().reason()).isEqualTo("MISSING_VALUE");
    }
}
