package dustwatch.risk.stream.kafka;

import dustwatch.contracts.alarm.AlarmStatus;
import dustwatch.contracts.alarm.Severity;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.topic.Topics;
import dustwatch.risk.alarm.AlarmRuleProperties;
import dustwatch.risk.model.CleaningFactor;
import dustwatch.risk.model.RiskModelProperties;
import dustwatch.risk.stream.EngineProperties;
import dustwatch.risk.stream.RiskTopology;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the topology into Spring: the {@link RiskTopology} from the configuration records, the
 * {@link RiskStreams} lifecycle bean, and the topics the engine consumes and produces (created at start-up
 * by {@link KafkaAdmin}, idempotently, before the streams start).
 */
@Configuration(proxyBeanMethods = false)
class RiskStreamsConfiguration {

    @Bean
    RiskTopology riskTopology(AlarmRuleProperties rules, RiskModelProperties model, EngineProperties engine,
                              ObjectProvider<MeterRegistry> meters) {
        RiskTopology topology = new RiskTopology(rules, model, engine);
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("dustwatch.risk.readings.unregistered", topology, RiskTopology::unregisteredSkipped)
                    .description("reading batches skipped because their enterprise is not registered")
                    .register(registry);
            FunctionCounter.builder("dustwatch.risk.readings.late", topology, RiskTopology::lateBatches)
                    .description("reading batches taken as late or RESEND: history only, no alarm or warning")
                    .register(registry);
            for (Severity severity : Severity.values()) {
                for (AlarmStatus status : AlarmStatus.values()) {
                    FunctionCounter.builder("dustwatch.risk.alarms", topology, t -> t.produced().alarms(severity, status))
                            .description("alarms (报警) written to the alarms topic, by severity and START/END")
                            .tag("severity", severity.name()).tag("status", status.name()).register(registry);
                }
            }
            for (Colour colour : Colour.values()) {
                FunctionCounter.builder("dustwatch.risk.warnings", topology, t -> t.produced().warnings(colour))
                        .description("warnings (预警) written to the warnings topic, by colour")
                        .tag("colour", colour.name()).register(registry);
            }
        });
        return topology;
    }

    @Bean
    RiskStreams riskStreams(RiskTopology topology, StreamsProperties properties, RiskModelProperties model,
                            ObjectProvider<MeterRegistry> meters, StreamsClientProperties client) {
        return new RiskStreams(topology, properties, meters.getIfAvailable(), new CleaningFactor(model.factors().cleaning()),
                client.config());
    }

    @Bean
    KafkaAdmin.NewTopics riskEngineTopics(StreamsProperties p) {
        return new KafkaAdmin.NewTopics(
                Topics.READINGS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.REGISTRY.newTopic(p.partitions(), p.replicationFactor()),
                Topics.DISPOSAL_EVENTS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.ALARMS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.RISK_ASSESSMENTS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.WARNINGS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.HEARTBEATS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.FILINGS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.CLEANING_PLANS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.CLEANING_CHECK_INS.newTopic(p.partitions(), p.replicationFactor()),
                Topics.OFFLINE.newTopic(p.partitions(), p.replicationFactor()),
                Topics.DEAD_LETTER.newTopic(p.partitions(), p.replicationFactor()));
    }
}
