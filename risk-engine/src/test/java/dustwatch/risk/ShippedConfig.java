package dustwatch.risk;

import dustwatch.risk.alarm.AlarmRuleProperties;
import dustwatch.risk.model.RiskModelProperties;
import dustwatch.risk.stream.EngineProperties;
import dustwatch.risk.stream.kafka.StreamsProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The shipped application.yml, bound as the service binds it: tests use these values, never Java copies. */
public final class ShippedConfig {
    private ShippedConfig() {
    }

    public static AlarmRuleProperties rules() {
        return binder(Map.of()).bind("dustwatch.risk", AlarmRuleProperties.class).get();
    }

    public static RiskModelProperties model() {
        return binder(Map.of()).bind("dustwatch.risk.model", RiskModelProperties.class).get();
    }

    public static EngineProperties engine() {
        return binder(Map.of()).bind("dustwatch.risk.engine", EngineProperties.class).get();
    }

    public static StreamsProperties streams() {
        return binder(Map.of()).bind("dustwatch.risk.streams", StreamsProperties.class).get();
    }

    /** A binder over application.yml with {@code overrides} taking precedence (e.g. a hole in the matrix). */
    public static Binder binder(Map<String, Object> overrides) {
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
            StandardEnvironment env = new StandardEnvironment();
            env.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
            yaml.forEach(env.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(env), new PropertySourcesPlaceholdersResolver(env));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
