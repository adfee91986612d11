package dustwatch.support.tracing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code dustwatch/support/tracing/tracing-defaults.properties} (tracing on, OTLP export off, Kafka
 * observation on) to every service's environment at the lowest precedence, before logging starts, so that one
 * file holds these defaults for all services and each can still override them.
 */
public class TracingDefaults implements EnvironmentPostProcessor, Ordered {
    static final String NAME = "dustwatchTracingDefaults";
    static final String LOCATION = "dustwatch/support/tracing/tracing-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            ResourcePropertySource defaults = new ResourcePropertySource(NAME, new ClassPathResource(LOCATION,
                    TracingDefaults.class.getClassLoader()));
            if (environment.getPropertySources().contains("defaultProperties")) {
                environment.getPropertySources().addBefore("defaultProperties", defaults);
            } else {
                environment.getPropertySources().addLast(defaults);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(LOCATION + " missing from service-support", e);
        }
    }

    /** After the config data (application.yml) is loaded, so that adding last puts these below it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
