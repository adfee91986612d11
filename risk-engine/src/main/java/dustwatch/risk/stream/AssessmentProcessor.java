package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.availability.OfflineEvent;
import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.deadletter.DeadLetter;
import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.risk.RiskFactor;
import dustwatch.contracts.topic.Topic;
import dustwatch.contracts.topic.Topics;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.model.ActiveAlarm;
import dustwatch.risk.model.EnterpriseRiskState;
import dustwatch.risk.model.RiskModel;
import dustwatch.risk.warning.WarningIssuer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The assessment processor (风险评估): receives every typed {@link RiskInput} of an enterprise, keeps one
 * {@link EnterpriseRiskState} per enterprise, and after each input assesses it with
 * {@link RiskModel#assess(EnterpriseRiskState, Instant)}; publishes the assessment when it moved (or alarms
 * changed), a warning when the colour rises above the open one, and offline events.
 *
 * <p>A wall-clock punctuator (every {@code punctuate-interval}, {@code tick-batch} enterprises a tick, going on
 * where the last tick stopped) raises gateways and enterprises offline when nothing arrived for
 * {@code offline-timeout} — whether or not any data arrives — and re-assesses enterprises with open alarms or
 * offline gateways, and all of them every {@code reassess-interval}. Times: "now" is
 * platform (wall-clock) time; an assessment is made at the later of now and the latest live evidence; a
 * warning's issue time is now, its evidence time the latest live collect time. While the task works through
 * a backlog (records received longer than {@code catch-up-lag} ago), no offline is raised: the silence may be
 * the engine's own lag.
 *
 * <p>A warning CLEARED (消警) while its cause is still present is not refused here (disposal-service owns the
 * clear): the enterprise is re-assessed at once and a new warning of the still-present colour follows.
 *
 * <p>The assessment and warning made because of an input record carry that record's trace headers (for a reading,
 * the push's trace: {@link TraceHeaders}), and a warning is logged with its trace id; the punctuator's carry none.
 */
final class AssessmentProcessor implements Processor<String, RiskInput, String, Object> {
    private static final Logger log = LoggerFactory.getLogger(AssessmentProcessor.class);

    private final RiskModel model;
    private final WarningIssuer issuer;
    private final EngineProperties engine;
    private final Set<String> hardTriggerRules;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, EnterpriseRiskState> states;
    private KeyValueStore<String, RiskAssessment> assessments;
    private KeyValueStore<String, SeenEvents> seen;
    private Instant lastSweep;
    /** The last enterprise the wall-clock pass visited (it goes on after it at the next tick); null: a new pass. */
    private String passCursor;
    /** Whether the current pass re-assesses and prunes every enterprise. */
    private boolean passIsSweep;
    /** Wall-clock time the last record was processed, and how long before that it had been received. */
    private Instant lastProcessedAt;
    private Duration lastLag = Duration.ZERO;

    /** @param hardTriggerRules ids of the rules flagged hard-trigger (their active alarms force RED) */
    AssessmentProcessor(RiskModel model, WarningIssuer issuer, EngineProperties engine, Set<String> hardTriggerRules) {
        this.model = model;
        this.issuer = issuer;
        this.engine = engine;
        this.hardTriggerRules = Set.copyOf(hardTriggerRules);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        states = context.getStateStore(RiskTopology.ENTERPRISE_STATES);
        assessments = context.getStateStore(RiskTopology.ASSESSMENTS);
        seen = context.getStateStore(RiskTopology.SEEN_EVENTS);
        context.schedule(engine.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, RiskInput> record) {
        try (var trace = TraceHeaders.inMdc(record.headers())) {
            apply(record);
        }
    }

    private void apply(Record<String, RiskInput> record) {
        String uscc = record.key();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        EnterpriseRiskState state = states.get(uscc);
        if (state == null) {
            state = new EnterpriseRiskState(uscc);
        }
        boolean publish = switch (record.value()) {
            case RiskInput.ProfileChanged p -> {
                state.profile(p.profile());
                yield true;
            }
            case RiskInput.ReadingsApplied r -> {
                noteLag(r.receivedAt(), now);
                yield readings(state, r, now);
            }
            case RiskInput.HeartbeatReceived h -> {
                if (h.heartbeat().gatewayCode() == null) {
                    deadLetter(Topics.HEARTBEATS, uscc, h.heartbeat().eventId(), "MISSING_GATEWAY", "心跳没有网关编码", now);
                    yield false;
                }
                Instant sent = h.heartbeat().time();
                noteLag(sent, now);
                yield seen(state, h.heartbeat().gatewayCode(), sent != null && sent.isBefore(now) ? sent : now, now);
            }
            case RiskInput.FilingReceived f -> filing(state, f.filing(), now);
            case RiskInput.CleaningPlanReceived c -> {
                state.cleaningPlan(c.plan());
                yield true;
            }
            case RiskInput.CheckInReceived c -> checkIn(state, c.checkIn(), now);
            case RiskInput.DisposalReported d -> disposal(state, d.event());
        };
        // warning ids derive from the trigger: a batch's event id (a replay gives the same id), else input kind and time
        String trigger = record.value() instanceof RiskInput.ReadingsApplied r && r.eventId() != null ? r.eventId()
                : record.value().getClass().getSimpleName() + "-" + now.toEpochMilli();
        assess(state, now, publish, trigger, TraceHeaders.of(record.headers()));
        states.put(uscc, state);
    }

    /** Applies a batch: last seen, live evidence, alarm changes, fans running during a declared stop. */
    private boolean readings(EnterpriseRiskState state, RiskInput.ReadingsApplied r, Instant now) {
        boolean changed = r.gatewayCode() != null && seen(state, r.gatewayCode(), r.receivedAt(), now);
        if (!r.live()) {
            return changed;
        }
        Instant arrived = r.receivedAt() != null && r.receivedAt().isBefore(now) ? r.receivedAt() : now;
        for (String point : r.goodPoints()) {
            state.pointsLastSeen().put(point, new EnterpriseRiskState.PointSeen(r.gatewayCode(), arrived, arrived));
            if (state.offlinePoints().remove(point)) {
                offline(state, "POINT", point, "END", arrived, now);
                changed = true;
            }
        }
        state.evidence(r.collectTime());
        if (r.gatewayCode() != null) {
            state.gatewaysLastCollect().merge(r.gatewayCode(), r.collectTime(), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (Alarm a : r.alarms()) {
            if (a.status() == AlarmStatus.START) {
                state.openAlarms().put(a.alarmId(), new ActiveAlarm(a.rule(), a.pointCode(), a.severity(),
                        isHardTrigger(a), a.startTime(), a.description()));
                state.alarmStarts().add(new EnterpriseRiskState.AlarmStart(a.rule(), a.pointCode(), a.startTime()));
            } else {
                state.openAlarms().remove(a.alarmId());
            }
        }
        for (String collector : r.runningCollectors()) {
            boolean declaredStop = state.filings().values().stream().anyMatch(f -> f.kind() == FilingKind.STOP_PRODUCTION
                    && ("*".equals(collector) ? f.coversTime(r.collectTime()) : f.covers(collector, r.collectTime())));
            if (declaredStop) {
                state.runningDuringStop().putIfAbsent(collector, r.collectTime());
            }
        }
        return changed || !r.alarms().isEmpty();
    }

    private boolean isHardTrigger(Alarm a) {
        return hardTriggerRules.contains(a.rule());
    }

    /** A message of {@code gateway} arrived (at {@code at}): last seen, and back online if it was offline. */
    private boolean seen(EnterpriseRiskState state, String gateway, Instant at, Instant now) {
        state.gatewaysLastSeen().merge(gateway, at, (a, b) -> a.isAfter(b) ? a : b);
        boolean changed = false;
        if (state.offlineGateways().remove(gateway)) {
            offline(state, "GATEWAY", gateway, "END", at, now);
            changed = true;
            // its points' silence counts again from now: they were silent because the gateway was
            state.pointsLastSeen().replaceAll((point, p) -> gateway.equals(p.gatewayCode())
                    ? new EnterpriseRiskState.PointSeen(p.gatewayCode(), p.lastSeen(), at) : p);
        }
        if (state.enterpriseOffline()) {
            state.enterpriseOffline(false);
            offline(state, "ENTERPRISE", state.uscc(), "END", at, now);
            changed = true;
        }
        return changed;
    }

    private boolean filing(EnterpriseRiskState state, Filing f, Instant now) {
        String problem = f.filingId() == null ? "报备没有编号"
                : f.kind() == null || f.status() == null ? "报备缺少类型或状态"
                : f.start() == null || f.plannedEnd() == null ? "报备缺少起止时间"
                : !f.plannedEnd().isAfter(f.start()) ? "计划结束时间不晚于开始时间"
                : f.uscc() != null && !f.uscc().equals(state.uscc()) ? "报备的企业代码与键不符" : null;
        if (problem != null) {
            deadLetter(Topics.FILINGS, state.uscc(), f.filingId(), "INVALID_FILING", problem, now);
            return false;
        }
        state.filings().put(f.filingId(), f);
        state.prune(now);
        return true;
    }

    private boolean checkIn(EnterpriseRiskState state, CleaningCheckIn c, Instant now) {
        if (c.checkInId() != null && state.checkIns().stream().anyMatch(x -> c.checkInId().equals(x.checkInId()))) {
            return false; // redelivered
        }
        CleaningPlan plan = state.cleaningPlan();
        String problem = c.checkInId() == null || c.areaCode() == null || c.checkedInAt() == null ? "打卡缺少编号、区域或时间"
                : c.photoHashes().isEmpty() ? "打卡没有照片"
                : plan != null && plan.areas().stream().noneMatch(a -> a.areaCode().equals(c.areaCode())) ? "清扫计划中没有区域 " + c.areaCode()
                : null;
        String reason = problem == null ? null : c.photoHashes().isEmpty() ? "NO_PHOTO" : "INVALID_CHECK_IN";
        if (problem == null) {
            Optional<String> reused = c.photoHashes().stream().filter(h -> state.checkIns().stream()
                    .anyMatch(x -> x.photoHashes().contains(h))).findFirst();
            if (reused.isPresent()) {
                problem = "照片重复使用（内容摘要 " + reused.get() + "），视为无效证据";
                reason = "DUPLICATE_PHOTO";
            }
        }
        if (problem != null) {
            deadLetter(Topics.CLEANING_CHECK_INS, state.uscc(), c.checkInId(), reason, problem, now);
            return false;
        }
        state.checkIns().add(c);
        state.checkIns().sort(Comparator.comparing(CleaningCheckIn::checkedInAt));
        return true;
    }

    private boolean disposal(EnterpriseRiskState state, DisposalEvent event) {
        SeenEvents already = seen.get(state.uscc());
        if (event.eventId() != null) {
            if (already != null && already.contains(event.eventId())) {
                return false;
            }
            seen.put(state.uscc(), (already == null ? new SeenEvents(null) : already).with(event.eventId()));
        }
        if (DisposalActions.ALARM_OVERDUE.equals(event.action()) || DisposalActions.ALARM_OVERDUE_RESOLVED.equals(event.action())) {
            return alarmOverdue(state, event);
        }
        Warning open = state.openWarning();
        if (issuer.frees(open, event)) {
            state.openWarning(null);
            log.info("warning {} of {} is {}: the enterprise may be warned again", open.warningId(), state.uscc(),
                    event.toState());
        }
        return false;
    }

    /** An alarm's SLA breached ({@code ALARM_OVERDUE}, note SIGN_IN or FEEDBACK) or resolved: the unhandled-alarms factor. */
    private boolean alarmOverdue(EnterpriseRiskState state, DisposalEvent event) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (event.alarmId() == null) {
            deadLetter(Topics.DISPOSAL_EVENTS, state.uscc(), event.eventId(), "MISSING_ALARM_ID", event.action() + " 没有报警编号", now);
            return false;
        }
        if (DisposalActions.ALARM_OVERDUE_RESOLVED.equals(event.action())) {
            return state.overdueAlarms().remove(event.alarmId()) != null;
        }
        EnterpriseRiskState.OverdueAlarm known = state.overdueAlarms().get(event.alarmId());
        if (known != null) {
            if (event.note() == null || known.breaches().contains(event.note())) {
                return false;
            }
            List<String> breaches = new ArrayList<>(known.breaches());
            breaches.add(event.note());
            state.overdueAlarms().put(event.alarmId(), new EnterpriseRiskState.OverdueAlarm(known.alarmId(), known.ruleId(),
                    known.pointCode(), breaches, known.since()));
            return true;
        }
        ActiveAlarm alarm = state.openAlarms().get(event.alarmId());
        state.overdueAlarms().put(event.alarmId(), new EnterpriseRiskState.OverdueAlarm(event.alarmId(),
                alarm == null ? null : alarm.ruleId(), alarm == null ? null : alarm.pointCode(),
                event.note() == null ? List.of() : List.of(event.note()), event.at() != null ? event.at() : now));
        return true;
    }

    private void noteLag(Instant received, Instant now) {
        lastProcessedAt = now;
        lastLag = received == null || received.isAfter(now) ? Duration.ZERO : Duration.between(received, now);
    }

    /**
     * True while this task works through a backlog: its last record, processed within the last two punctuation
     * intervals, had been received longer than {@code catch-up-lag} before. Offline is not raised meanwhile.
     */
    private boolean catchingUp(Instant now) {
        return lastProcessedAt != null && lastLag.compareTo(engine.catchUpLag()) > 0
                && Duration.between(lastProcessedAt, now).compareTo(engine.punctuateInterval().multipliedBy(2)) < 0;
    }

    /**
     * Wall-clock work: offline, expiry, re-assessment, for the next {@code tick-batch} enterprises of the pass over
     * this task's store (in key order). A pass that ends starts again at the next tick; it is a sweep (every
     * enterprise re-assessed and pruned) when {@code reassess-interval} has passed since the last sweep began.
     * Bounded so that with a national registry the stream thread still spends its time on records: a whole pass in
     * one tick once took the thread for good (43,000 enterprises, {@code docs/performance.md}).
     */
    private void tick(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        boolean catchingUp = catchingUp(now);
        if (passCursor == null) {
            passIsSweep = lastSweep == null || !now.isBefore(lastSweep.plus(engine.reassessInterval()));
            if (passIsSweep) {
                lastSweep = now;
            }
        }
        List<EnterpriseRiskState> touched = new ArrayList<>();
        int visited = 0;
        String last = null;
        boolean more = false;
        try (KeyValueIterator<String, EnterpriseRiskState> it = passCursor == null ? states.all() : states.range(passCursor, null)) {
            while (it.hasNext()) {
                KeyValue<String, EnterpriseRiskState> kv = it.next();
                if (kv.key.equals(passCursor)) {
                    continue; // the range starts at the last enterprise of the previous tick, done then
                }
                if (visited == engine.tickBatch()) {
                    more = true;
                    break;
                }
                visited++;
                last = kv.key;
                EnterpriseRiskState state = kv.value;
                if (state == null || state.profile() == null) {
                    continue;
                }
                boolean changed = !catchingUp && checkOffline(state, now);
                if (passIsSweep) {
                    state.prune(now);
                }
                if (changed || passIsSweep || !state.openAlarms().isEmpty() || !state.offlineGateways().isEmpty()
                        || !state.offlinePoints().isEmpty()) {
                    assess(state, now, changed, "tick-" + timestamp, TraceHeaders.of(null));
                    touched.add(state);
                }
            }
        }
        passCursor = more ? last : null;
        for (EnterpriseRiskState state : touched) {  // written after the iterator is closed
            states.put(state.uscc(), state);
        }
    }

    /**
     * Raises offline gateways (and the enterprise when all are offline), and mandatory points silent for the
     * timeout while their gateway still sends (§2.6), unless a filing covers the enterprise (or the point's collector).
     */
    private boolean checkOffline(EnterpriseRiskState state, Instant now) {
        boolean covered = state.activeFilings(now).stream().anyMatch(f -> f.collectorCode() == null);
        if (covered) {
            return false;
        }
        boolean changed = false;
        for (var e : state.gatewaysLastSeen().entrySet()) {
            if (!state.offlineGateways().contains(e.getKey()) && !e.getValue().plus(engine.offlineTimeout()).isAfter(now)) {
                state.offlineGateways().add(e.getKey());
                offline(state, "GATEWAY", e.getKey(), "START", e.getValue(), now);
                changed = true;
            }
        }
        for (var e : state.pointsLastSeen().entrySet()) {
            String point = e.getKey();
            EnterpriseRiskState.PointSeen p = e.getValue();
            boolean gatewayOnline = p.gatewayCode() == null || !state.offlineGateways().contains(p.gatewayCode());
            boolean collectorFiled = state.activeFilings(now).stream()
                    .anyMatch(f -> f.collectorCode() != null && point.startsWith(f.collectorCode() + "-"));
            if (gatewayOnline && !collectorFiled && !state.offlinePoints().contains(point)
                    && !p.watchFrom().plus(engine.offlineTimeout()).isAfter(now)) {
                state.offlinePoints().add(point);
                offline(state, "POINT", point, "START", p.lastSeen(), now);
                changed = true;
            }
        }
        if (!state.enterpriseOffline() && !state.gatewaysLastSeen().isEmpty()
                && state.offlineGateways().containsAll(state.gatewaysLastSeen().keySet())) {
            state.enterpriseOffline(true);
            offline(state, "ENTERPRISE", state.uscc(), "START", state.lastSeen(), now);
            changed = true;
        }
        return changed;
    }

    private void offline(EnterpriseRiskState state, String scope, String subject, String status, Instant lastSeen, Instant now) {
        String id = UUID.nameUUIDFromBytes(("offline|" + state.uscc() + "|" + scope + "|" + subject + "|" + status + "|"
                + lastSeen).getBytes(StandardCharsets.UTF_8)).toString();
        String region = state.profile() == null ? null : state.profile().regionCode();
        OfflineEvent event = new OfflineEvent(id, state.uscc(), region, scope, subject, status, lastSeen, now);
        context.forward(new Record<String, Object>(state.uscc(), event, now.toEpochMilli()), RiskTopology.OFFLINE_SINK);
        log.info("{} {} of {} {} (last seen {})", scope, subject, state.uscc(), "START".equals(status) ? "offline" : "back online", lastSeen);
    }

    /**
     * Assesses the enterprise at the later of now and its latest evidence; publishes the assessment when
     * {@code force} or when it moved, and a warning when its colour rises above the open warning's; both with
     * {@code trace}, the trace headers of the input that caused them.
     */
    private void assess(EnterpriseRiskState state, Instant now, boolean force, String triggerId, Headers trace) {
        if (state.profile() == null) {
            return;
        }
        Instant at = state.lastEvidence() != null && state.lastEvidence().isAfter(now) ? state.lastEvidence() : now;
        RiskAssessment assessment = model.assess(state, at);
        RiskAssessment latest = assessments.get(state.uscc());
        boolean moved = latest == null || latest.dynamicScore() != assessment.dynamicScore()
                || latest.inherentScore() != assessment.inherentScore()
                || !Objects.equals(latest.colour(), assessment.colour())
                || !Objects.equals(latest.hardTrigger(), assessment.hardTrigger());
        long timestamp = at.toEpochMilli();
        if (force || moved) {
            assessments.put(state.uscc(), assessment);
            context.forward(new Record<String, Object>(state.uscc(), assessment, timestamp, trace),
                    RiskTopology.ASSESSMENTS_SINK);
        }
        String reason = RiskModel.mainAlarm(state.activeAlarms()).map(ActiveAlarm::description)
                .orElseGet(() -> assessment.factors().stream().filter(f -> f.points() > 0)
                        .filter(f -> !List.of("DUST_TYPE", "DUST_WORKERS", "COLLECTORS", "IGNITION_PRONE_PROCESS",
                                "DRY_COLLECTOR_INDOORS").contains(f.code()))
                        .max(Comparator.comparingDouble(RiskFactor::points)).map(RiskFactor::detail).orElse(null));
        Instant evidence = state.lastEvidence() != null ? state.lastEvidence() : at;
        Optional<Warning> warning = issuer.decide(state.openWarning(), assessment, state.profile(), reason, triggerId,
                now, evidence);
        warning.ifPresent(w -> {
            state.openWarning(w);
            context.forward(new Record<String, Object>(state.uscc(), w, timestamp, trace), RiskTopology.WARNINGS_SINK);
            log.info("{} warning {} for {}: {}", w.colour(), w.warningId(), state.uscc(), w.reason());
        });
    }

    private void deadLetter(Topic<String, ?> topic, String key, String eventId, String reason, String detail, Instant now) {
        context.forward(new Record<String, Object>(key, new DeadLetter(topic.name(), key, eventId, reason, detail,
                RiskTopology.SERVICE, now), now.toEpochMilli()), RiskTopology.DEAD_LETTER_SINK);
    }
}
