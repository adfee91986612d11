package dustwatch.disposal.escalation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * Runs the escalation ladder every {@code dustwatch.disposal.escalation.tick-interval}, the first time one interval
 * after start (a rung due while the service was down fires then), so that nothing races a test that drives
 * {@link EscalationLadder#runOnce()} by hand with a long interval.
 */
@Configuration(proxyBeanMethods = false)
class EscalationConfiguration {

    @Bean
    SchedulingConfigurer escalationSchedule(EscalationLadder ladder, EscalationProperties properties) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(ladder::scheduledRun, properties.tickInterval(), properties.tickInterval()));
    }
}
