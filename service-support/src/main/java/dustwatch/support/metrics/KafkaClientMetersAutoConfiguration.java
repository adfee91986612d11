package dustwatch.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * Kafka client metrics ({@code kafka.consumer.*}, among them the consumer lag {@code records-lag-max}, and
 * {@code kafka.producer.*}) for the client factories the services build themselves: Spring Boot binds only
 * the factories it creates. Every {@link DefaultKafkaConsumerFactory} or {@link DefaultKafkaProducerFactory}
 * bean, and the consumer factory inside every listener container factory bean, gets Micrometer's listener.
 */
@AutoConfiguration
@ConditionalOnClass({DefaultKafkaConsumerFactory.class, MeterRegistry.class})
public class KafkaClientMetersAutoConfiguration {

    @Bean
    static BeanPostProcessor dustwatchKafkaClientMeters(ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                Object factory = bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> containers
                        ? containers.getConsumerFactory() : bean;
                if (factory instanceof DefaultKafkaConsumerFactory<?, ?> consumers && consumers.getListeners().isEmpty()) {
                    meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
                } else if (factory instanceof DefaultKafkaProducerFactory<?, ?> producers && producers.getListeners().isEmpty()) {
                    meters.ifAvailable(registry -> producers.addListener(new MicrometerProducerListener<>(registry)));
                }
                return bean;
            }
        };
    }
}
