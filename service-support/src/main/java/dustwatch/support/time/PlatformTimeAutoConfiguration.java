package dustwatch.support.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import java.util.TimeZone;

/**
 * Makes the application's {@code JsonMapper} (HTTP answers, problem details, the Spring Boot error body) write times
 * in {@code dustwatch.time-zone}: java.time values through {@link PlatformTimes#module}, {@code java.util.Date} (the
 * error body's {@code timestamp}) through the mapper's default time zone.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(PlatformTimeProperties.class)
public class PlatformTimeAutoConfiguration {

    @Bean
    JsonMapperBuilderCustomizer platformTimes(PlatformTimeProperties properties) {
        return builder -> builder
                .addModule(PlatformTimes.module(properties.timeZone()))
                .defaultTimeZone(TimeZone.getTimeZone(properties.timeZone()));
    }
}
