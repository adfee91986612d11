package dustwatch.risk.stream;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.reading.ParameterCode;
import dustwatch.contracts.reading.Reading;
import dustwatch.contracts.reading.ReadingBatch;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.alarm.AlarmEvaluator;
import dustwatch.risk.alarm.AlarmRule;
import dustwatch.risk.alarm.AlarmRuleProperties;
import dustwatch.risk.alarm.PointOwner;
import dustwatch.risk.alarm.RuleState;
import dustwatch.risk.model.ActiveAlarm;
import dustwatch.risk.model.RiskModel;
import dustwatch.risk.warning.WarningIssuer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies one reading batch of one enterprise: fan states, alarm rules (报警, §1.2), then — once, after every
 * reading of the batch — the risk assessment (§3.2) and, when its colour escalates, a warning (预警).
 *
 * <p>An assessment is published when the batch started or ended an alarm, when the enterprise has none yet,
 * or when the score or colour moved (duration multipliers raise D while an alarm lasts). Only quality-0
 * readings feed rules and fan states (§2.5). Batches of enterprises absent from the registry are skipped and
 * counted. Idempotent on the batch's event id.
 */
final class ReadingsProcessor implements Processor<String, ReadingBatch, String, Object> {
    private static final Logger log = LoggerFactory.getLogger(ReadingsProcessor.class);
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private final AlarmRuleProperties rules;
    private final AlarmEvaluator evaluator;
    private final RiskModel model;
    private final WarningIssuer issuer;
    private final LongAdder unregisteredSkipped;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, EnterpriseProfile> profiles;
    private KeyValueStore<String, RuleState> ruleStates;
    private KeyValueStore<String, FanState> fanStates;
    private KeyValueStore<String, RiskAssessment> assessments;
    private KeyValueStore<String, Warning> openWarnings;
    private KeyValueStore<String, SeenEvents> seen;

    ReadingsProcessor(AlarmRuleProperties rules, AlarmEvaluator evaluator, RiskModel model, WarningIssuer issuer,
                      LongAdder unregisteredSkipped) {
        this.rules = rules;
        this.evaluator = evaluator;
        this.model = model;
        this.issuer = issuer;
        this.unregisteredSkipped = unregisteredSkipped;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        profiles = context.getStateStore(RiskTopology.PROFILES);
        ruleStates = context.getStateStore(RiskTopology.RULE_STATES);
        fanStates = context.getStateStore(RiskTopology.FAN_STATES);
        assessments = context.getStateStore(RiskTopology.ASSESSMENTS);
        openWarnings = context.getStateStore(RiskTopology.OPEN_WARNINGS);
        seen = context.getStateStore(RiskTopology.SEEN_EVENTS);
    }

    @Override
    public void process(Record<String, ReadingBatch> record) {
        ReadingBatch batch = record.value();
        String uscc = record.key() != null ? record.key() : batch == null ? null : batch.uscc();
        if (batch == null || uscc == null) {
            return;
        }
        EnterpriseProfile profile = profiles.get(uscc);
        if (profile == null) {
            unregisteredSkipped.increment();
            long skipped = unregisteredSkipped.sum();
            if (skipped == 1 || skipped % 100 == 0) { // counted always, logged sparingly: a gateway sends every 10 s
                log.warn("reading batch {} of unregistered enterprise {} skipped ({} so far)", batch.eventId(), uscc, skipped);
            }
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
        String region = profile.regionCode() != null ? profile.regionCode() : batch.regionCode();

        List<TimedReading> ordered = batch.readings().stream()
                .map(r -> new TimedReading(r, paramOf(r), r.collectTime() != null ? r.collectTime() : batchTime))
                .filter(t -> t.param() != null && t.reading().good())
                // fan states first at equal times, so that a batch's own FAN_RUN gates its other points
                .sorted(Comparator.comparing(TimedReading::at)
                        .thenComparing(t -> t.param() != ParameterCode.FAN_RUN))
                .toList();

        List<Alarm> alarms = new ArrayList<>();
        Instant assessedAt = batchTime;
        for (TimedReading t : ordered) {
            if (t.at().isAfter(assessedAt)) {
                assessedAt = t.at();
            }
            String collector = collectorOf(t.reading().pointCode(), t.param());
            if (t.param() == ParameterCode.FAN_RUN) {
                updateFan(collector != null ? collector : t.reading().pointCode(), t);
            }
            for (AlarmRule rule : rules.rulesFor(t.param())) {
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
        long timestamp = assessedAt.toEpochMilli();
        for (Alarm alarm : alarms) {
            context.forward(new Record<String, Object>(uscc, alarm, timestamp), RiskTopology.ALARMS_SINK);
        }
        assess(uscc, profile, !alarms.isEmpty(), assessedAt, batch.eventId());
    }

    private void assess(String uscc, EnterpriseProfile profile, boolean alarmsChanged, Instant at, String triggerId) {
        List<ActiveAlarm> active = activeAlarms(uscc);
        RiskAssessment latest = assessments.get(uscc);
        RiskAssessment assessment = model.assess(profile, active, at);
        boolean moved = latest == null || latest.dynamicScore() != assessment.dynamicScore()
                || latest.inherentScore() != assessment.inherentScore()
                || !Objects.equals(latest.colour(), assessment.colour());
        if (!alarmsChanged && !moved) {
            return;
        }
        assessments.put(uscc, assessment);
        long timestamp = at.toEpochMilli();
        context.forward(new Record<String, Object>(uscc, assessment, timestamp), RiskTopology.ASSESSMENTS_SINK);

        Warning open = openWarnings.get(uscc);
        String reason = RiskModel.mainAlarm(active).map(ActiveAlarm::description).orElse(null);
        Optional<Warning> warning = issuer.decide(open, assessment, profile, reason, triggerId);
        warning.ifPresent(w -> {
            openWarnings.put(uscc, w);
            context.forward(new Record<String, Object>(uscc, w, timestamp), RiskTopology.WARNINGS_SINK);
            log.info("{} warning {} for {}: {}", w.colour(), w.warningId(), uscc, w.reason());
        });
    }

    private List<ActiveAlarm> activeAlarms(String uscc) {
        List<ActiveAlarm> active = new ArrayList<>();
        try (KeyValueIterator<String, RuleState> it = ruleStates.prefixScan(RuleState.keyPrefix(uscc), PREFIX_SERIALIZER)) {
            while (it.hasNext()) {
                KeyValue<String, RuleState> kv = it.next();
                RuleState s = kv.value;
                if (s.active() && rules.rule(s.ruleId()) != null) { // a rule removed from configuration no longer counts
                    active.add(new ActiveAlarm(s.ruleId(), s.pointCode(), s.severity(), s.hardTrigger(), s.since(),
                            s.description()));
                }
            }
        }
        return active;
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
