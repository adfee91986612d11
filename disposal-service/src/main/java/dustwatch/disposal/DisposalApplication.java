package dustwatch.disposal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** disposal-service (port 8084): warning lifecycle 签收 → 反馈 → 消警, timeline and outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DisposalApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisposalApplication.class, args);
    }

    /** The clock of every deadline and timeline entry (UTC). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
