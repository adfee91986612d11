package dustwatch.alert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** alert-service (port 8083): consumes {@code dust.warning}, routes by colour × tier × region, pushes to consoles. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertApplication.class, args);
    }

    /** The clock notifications are stamped with and the replay window is measured by (UTC). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
