package dustwatch.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Kafka hops of a trace. Spring Boot applies {@code spring.kafka.listener.observation-enabled} and
 * {@code spring.kafka.template.observation-enabled} only to the factory and template it creates; the services build
 * their own listener container factories and templates, so every {@link AbstractKafkaListenerContainerFactory} and
 * {@link KafkaTemplate} bean gets the same setting here: a listener then runs in a span continuing the record's
 * {@code traceparent} (its trace id in the MDC, so in every log line of the listener), and a template writes the
 * current trace's {@code traceparent} on each record it sends. {@link KafkaTraceHeaders} does the latter for raw
 * producers.
 */
@AutoConfiguration
@ConditionalOnClass({KafkaTemplate.class, Tracer.class})
public class KafkaObservationAutoConfiguration {

    @Bean
    static BeanPostProcessor dustwatchKafkaObservation(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> containers
                        && environment.getProperty("spring.kafka.listener.observation-enabled", Boolean.class, false)) {
                    containers.getContainerProperties().setObservationEnabled(true);
                } else if (bean instanceof KafkaTemplate<?, ?> template
                        && environment.getProperty("spring.kafka.template.observation-enabled", Boolean.class, false)) {
                    template.setObservationEnabled(true);
                }
                return bean;
            }
        };
    }

    @Bean
    KafkaTraceHeaders kafkaTraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new KafkaTraceHeaders(tracer.getIfUnique(() -> Tracer.NOOP), propagator.getIfUnique(() -> Propagator.NOOP));
    }
}
