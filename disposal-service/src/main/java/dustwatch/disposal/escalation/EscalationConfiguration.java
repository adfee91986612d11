package dustwatch.disposal.escalation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** Runs the escalation ladder every {@code dustwatch.disposal.escalation.tick-interval}. */
@Configuration(proxyBeanMethods = false)
class EscalationConfiguration {

    @Bean
    SchedulingConfigurer escalationSchedule(EscalationLadder ladder, EscalationProperties properties) {
        return registrar -> registrar.addFixedDelayTask(ladder::scheduledRun, properties.tickInterval());
    }
}
