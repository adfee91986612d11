package dustwatch.risk;

import dustwatch.risk.alarm.AlarmRuleProperties;
import dustwatch.risk.model.RiskModelProperties;
import dustwatch.risk.stream.kafka.StreamsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** application.yml binds to exactly the defaults the topology tests use (domain reference §1.2, §3.2). */
class ConfigurationDefaultsTest {

    @Test
    void applicationYmlHoldsTheDomainReferenceDefaults() throws IOException {
        Binder binder = binder();
        AlarmRuleProperties rules = binder.bind("dustwatch.risk", AlarmRuleProperties.class).get();
        RiskModelProperties model = binder.bind("dustwatch.risk.model", RiskModelProperties.class).get();
        assertThat(rules).isEqualTo(AlarmRuleProperties.defaults());
        assertThat(rules.alarmRules()).hasSize(11);
        assertThat(model).isEqualTo(RiskModelProperties.defaults());
    }

    @Test
    void streamsRunAsTheRiskEngineApplication() throws IOException {
        StreamsProperties streams = binder().bind("dustwatch.risk.streams", StreamsProperties.class).get();
        assertThat(streams.applicationId()).isEqualTo("dustwatch-risk-engine");
        assertThat(streams.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(streams.partitions()).isEqualTo(3);
        assertThat(streams.replicationFactor()).isEqualTo((short) 1);
    }

    private static Binder binder() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        StandardEnvironment env = new StandardEnvironment();
        yaml.forEach(env.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.get(env),
                new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(env));
    }
}
