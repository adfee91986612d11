package dustwatch.disposal.alarm;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** Looks for alarm SLA breaches every {@code dustwatch.disposal.alarm-sla.tick-interval}. */
@Configuration(proxyBeanMethods = false)
class AlarmConfiguration {

    @Bean
    SchedulingConfigurer alarmSlaSchedule(AlarmService alarms, AlarmSla sla) {
        return registrar -> registrar.addFixedDelayTask(alarms::scheduledRun, sla.tickInterval());
    }
}
