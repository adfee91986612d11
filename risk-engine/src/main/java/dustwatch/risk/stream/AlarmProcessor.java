package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.deadletter.DeadLetter;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.reading.ParameterClass;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.topic.Topics;
import dustwatch.risk.alarm.AlarmEvaluator;
import dustwatch.risk.alarm.AlarmRule;
import dustwatch.risk.alarm.AlarmRuleProperties;
import dustwatch.risk.alarm.PointLevels;
import dustwatch.risk.alarm.PointOwner;
import dustwatch.risk.alarm.RuleState;
import dustwatch.risk.model.EnterpriseRiskState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The alarm processor (报警): applies one reading batch of one enterprise — fan states, then the alarm rules
 * (§1.2) — publishes the alarms it starts or ends, and hands the assessment processor one
 * {@link RiskInput.ReadingsApplied}.
 *
 * <p>Time: rules run on event time (the readings' collect times), and only on <em>live</em> data. A RESEND
 * batch (store-and-forward, 续传), a batch collected longer ago than {@code live-max-age} before platform time,
 * or one older than the gateway's latest live batch is late: it fills history (last seen) but starts or ends
 * nothing, so a 24 h-old backlog never opens an alarm "held 86 410 s". Only quality-0 readings feed rules and fan
 * states (§2.5); points in the scope of an approved filing count as quality 6 (test/maintenance) and feed no
 * hazard rule. Rules apply at each point with the levels the registry gives it ({@link PointLevels}). Batches
 * of enterprises absent from the registry go to the dead-letter topic and are counted.
 * Idempotent on the batch's event id. The alarms and the applied batch carry the batch's trace headers
 * ({@link TraceHeaders}), and each alarm is logged with the batch's trace id.
 */
final class AlarmProcessor implements Processor<String, ReadingBatch, String, Object> {
    private static final Logger log = LoggerFactory.getLogger(AlarmProcessor.class);

    private final AlarmRuleProperties rules;
    private final AlarmEvaluator evaluator;
    private final PointLevels levels;
    private final EngineProperties engine;
    private final LongAdder unregisteredSkipped;
    private final LongAdder lateBatches;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, EnterpriseRiskState> states;
    private KeyValueStore<String, RuleState> ruleStates;
    private KeyValueStore<String, FanState> fanStates;
    private KeyValueStore<String, SeenEvents> seen;

    AlarmProcessor(AlarmRuleProperties rules, EngineProperties engine, LongAdder unregisteredSkipped, LongAdder lateBatches) {
        this.rules = rules;
        this.evaluator = new AlarmEvaluator(rules.alarmConfigVersion(), rules.alarmFlapping());
        this.levels = new PointLevels(rules.alarmDustTypeThresholds());
        this.engine = engine;
        this.unregisteredSkipped = unregisteredSkipped;
        this.lateBatches = lateBatches;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        states = context.getStateStore(RiskTopology.ENTERPRISE_STATES);
        ruleStates = context.getStateStore(RiskTopology.RULE_STATES);
        fanStates = context.getStateStore(RiskTopology.FAN_STATES);
        seen = context.getStateStore(RiskTopology.SEEN_EVENTS);
    }

    @Override
    public void process(Record<String, ReadingBatch> record) {
        try (var trace = TraceHeaders.inMdc(record.headers())) {
            apply(record);
        }
    }

    private void apply(Record<String, ReadingBatch> record) {
        ReadingBatch batch = record.value();
        String uscc = record.key() != null ? record.key() : batch == null ? null : batch.uscc();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (batch == null || uscc == null) {
            deadLetter(record.key(), null, batch == null ? "MISSING_VALUE" : "MISSING_KEY", "读数批次没有内容或企业代码", now);
            return;
        }
        EnterpriseRiskState state = states.get(uscc);
        EnterpriseProfile profile = state == null ? null : state.profile();
        if (profile == null) {
            unregisteredSkipped.increment();
            long skipped = unregisteredSkipped.sum();
            if (skipped == 1 || skipped % 100 == 0) { // counted always, logged sparingly: a gateway sends every 10 s
                log.warn("reading batch {} of unregistered enterprise {} skipped ({} so far)", batch.eventId(), uscc, skipped);
            }
            deadLetter(uscc, batch.eventId(), "UNREGISTERED_ENTERPRISE", "企业未登记基础信息，读数未评估", now);
            return;
        }
        SeenEvents already = seen.get(uscc);
        if (batch.eventId() != null) {
            if (already != null && already.contains(batch.eventId())) {
                log.debug("reading batch {} of {} already applied", batch.eventId(), uscc);
                return;
            }
            seen.put(uscc, (already == null ? new SeenEvents(null) : already).with(batch.eventId()));
        }
        Instant batchTime = batch.collectTime() != null ? batch.collectTime() : Instant.ofEpochMilli(record.timestamp());
        boolean live = isLive(batch, batchTime, state, now);
        if (!live) {
            lateBatches.increment();
        }
        String region = profile.regionCode() != null ? profile.regionCode() : batch.regionCode();

        List<TimedReading> ordered = batch.readings().stream()
                .map(r -> new TimedReading(r, paramOf(r), r.collectTime() != null ? r.collectTime() : batchTime))
                .filter(t -> t.param() != null && t.reading().good())
                // fan states first at equal times, so that a batch's own FAN_RUN gates its other points
                .sorted(Comparator.comparing(TimedReading::at)
                        .thenComparing(t -> t.param() != ParameterCode.FAN_RUN))
                .toList();

        List<Alarm> alarms = new ArrayList<>();
        Set<String> running = new LinkedHashSet<>();
        for (TimedReading t : live ? ordered : List.<TimedReading>of()) {
            String collector = collectorOf(t.reading().pointCode(), t.param());
            if (t.param() == ParameterCode.FAN_RUN) {
                updateFan(collector != null ? collector : t.reading().pointCode(), t);
                if (t.reading().value() == 1.0) {
                    running.add(collector != null ? collector : "*");
                }
            }
            if (underFiling(state, collector, t.at())) {
                continue; // quality 6: test/maintenance under an approved filing (§2.5)
            }
            for (AlarmRule configured : rules.rulesFor(t.param())) {
                AlarmRule rule = levels.at(configured, profile, collector, t.reading().pointCode());
                String key = RuleState.key(uscc, t.reading().pointCode(), rule.id());
                AlarmEvaluator.Outcome outcome = evaluator.evaluate(rule, ruleStates.get(key), t.reading(), t.at(),
                        fanRunning(collector), new PointOwner(uscc, region, collector));
                if (outcome.next() == null) {
                    ruleStates.delete(key);
                } else {
                    ruleStates.put(key, outcome.next());
                }
                if (outcome.alarm() != null) {
                    alarms.add(outcome.alarm());
                }
            }
        }
        Instant evidence = ordered.stream().map(TimedReading::at).max(Instant::compareTo).orElse(batchTime);
        if (evidence.isBefore(batchTime)) {
            evidence = batchTime;
        }
        long timestamp = evidence.toEpochMilli();
        for (Alarm alarm : alarms) {
            context.forward(new Record<String, Object>(uscc, alarm, timestamp, TraceHeaders.of(record.headers())),
                    RiskTopology.ALARMS_SINK);
            log.info("alarm {} {} {} at {} of {}", alarm.status(), alarm.rule(), alarm.alarmId(), alarm.pointCode(), uscc);
        }
        Instant received = batch.receivedAt() != null ? batch.receivedAt() : now;
        RiskInput applied = new RiskInput.ReadingsApplied(batch.eventId(), batch.gatewayCode(), received, evidence, live,
                List.copyOf(alarms), List.copyOf(running), ordered.stream()
                .filter(t -> t.param().parameterClass() == ParameterClass.MANDATORY)
                .map(t -> t.reading().pointCode()).distinct().toList());
        context.forward(new Record<String, Object>(uscc, applied, timestamp, TraceHeaders.of(record.headers())),
                RiskTopology.ASSESSMENT);
    }

    /** Live: not RESEND, collected within live-max-age of platform time, not older than the gateway's latest live batch. */
    private boolean isLive(ReadingBatch batch, Instant collect, EnterpriseRiskState state, Instant now) {
        if (batch.resend() || collect.isBefore(now.minus(engine.liveMaxAge()))) {
            return false;
        }
        Instant latest = batch.gatewayCode() == null ? null : state.gatewaysLastCollect().get(batch.gatewayCode());
        return latest == null || !collect.isBefore(latest);
    }

    private static boolean underFiling(EnterpriseRiskState state, String collector, Instant at) {
        for (Filing f : state.filings().values()) {
            if (f.covers(collector, at)) {
                return true;
            }
        }
        return false;
    }

    private void deadLetter(String key, String eventId, String reason, String detail, Instant now) {
        context.forward(new Record<String, Object>(key, new DeadLetter(Topics.READINGS.name(), key, eventId, reason, detail,
                RiskTopology.SERVICE, now), now.toEpochMilli()), RiskTopology.DEAD_LETTER_SINK);
    }

    private void updateFan(String collector, TimedReading t) {
        FanState current = fanStates.get(collector);
        if (current != null && current.at() != null && t.at().isBefore(current.at())) {
            return;
        }
        fanStates.put(collector, new FanState(t.reading().value() == 1.0, t.at()));
    }

    private boolean fanRunning(String collector) {
        if (collector == null) {
            return false;
        }
        FanState fan = fanStates.get(collector);
        return fan != null && fan.running();
    }

    private static ParameterCode paramOf(Reading r) {
        return r.param() != null ? r.param() : ParameterCode.ofPointCode(r.pointCode()).orElse(null);
    }

    /** {@code {USCC}-DC001} of {@code {USCC}-DC001-DRY_DP-1}; null when the point code names no collector. */
    static String collectorOf(String pointCode, ParameterCode param) {
        if (pointCode == null) {
            return null;
        }
        int at = pointCode.indexOf("-" + param.name());
        if (at <= 0) {
            return null;
        }
        String prefix = pointCode.substring(0, at);
        return prefix.contains("-DC") ? prefix : null;
    }

    private record TimedReading(Reading reading, ParameterCode param, Instant at) {
    }
}
