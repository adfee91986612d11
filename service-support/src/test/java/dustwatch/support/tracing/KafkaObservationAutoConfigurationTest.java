package dustwatch.support.tracing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' own listener container factories and templates get Kafka observation like Spring Boot's, by the
 * same properties; the shipped defaults switch it on and sit below every other source.
 */
class KafkaObservationAutoConfigurationTest {
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaObservationAutoConfiguration.class))
            .withUserConfiguration(OwnKafkaBeans.class);

    @Test
    void handBuiltFactoriesAndTemplatesAreObservedWhenThePropertiesSaySo() {
        runner.withPropertyValues("spring.kafka.listener.observation-enabled=true", "spring.kafka.template.observation-enabled=true")
                .run(context -> {
                    assertThat(context.getBean(ConcurrentKafkaListenerContainerFactory.class).getContainerProperties()
                            .isObservationEnabled()).isTrue();
                    assertThat(observed(context.getBean(KafkaTemplate.class))).isTrue();
                });
    }

    @Test
    void notWhenTheyAreOff() {
        runner.withPropertyValues("spring.kafka.listener.observation-enabled=false").run(context -> {
            assertThat(context.getBean(ConcurrentKafkaListenerContainerFactory.class).getContainerProperties()
                    .isObservationEnabled()).isFalse();
            assertThat(observed(context.getBean(KafkaTemplate.class))).isFalse();
        });
    }

    @Test
    void theShippedDefaultsSwitchItOnAndGiveWayToAnyOtherSource() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("management.tracing.sampling.probability", "1.0")));
        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.tracing.export.otlp.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(environment.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
                .isEqualTo(TracingDefaults.NAME);
    }

    private static boolean observed(KafkaTemplate<?, ?> template) {
        return (boolean) org.springframework.test.util.ReflectionTestUtils.getField(template, "observationEnabled");
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnKafkaBeans {
        @Bean
        ConcurrentKafkaListenerContainerFactory<String, String> ownListenerContainerFactory() {
            return new ConcurrentKafkaListenerContainerFactory<>();
        }

        @Bean
        KafkaTemplate<String, String> ownTemplate() {
            return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of()));
        }
    }
}
