package dustwatch.disposal.alarm;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Looks for alarm SLA breaches every {@code dustwatch.disposal.alarm-sla.tick-interval}, the first time one interval after start. */
@Configuration(proxyBeanMethods = false)
class AlarmConfiguration {

    @Bean
    SchedulingConfigurer alarmSlaSchedule(AlarmService alarms, AlarmSla sla) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(alarms::scheduledRun, sla.tickInterval(), sla.tickInterval()));
    }
}
