package dustwatch.disposal.alarm.messaging;

import dustwatch.contracts.alarm.Alarm;
import dustwatch.disposal.alarm.AlarmService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens (START) or recovers (END) an alarm case for every alarm on {@code Topics.ALARMS}, group {@code dustwatch-disposal}. */
@Component
class AlarmListener {
    private static final Logger log = LoggerFactory.getLogger(AlarmListener.class);

    private final AlarmService alarms;

    AlarmListener(AlarmService alarms) {
        this.alarms = alarms;
    }

    @KafkaListener(id = "disposal-alarms", topics = "#{@alarmsTopic.name()}", groupId = "dustwatch-disposal",
            containerFactory = "alarmListenerContainerFactory")
    void onAlarm(ConsumerRecord<String, Alarm> record) {
        Alarm alarm = record.value();
        if (alarm == null) {
            return;
        }
        try {
            if (alarms.receive(alarm)) {
                log.debug("alarm {} ({} {}) {}", alarm.alarmId(), alarm.severity(), alarm.uscc(), alarm.status());
            }
        } catch (IllegalArgumentException malformed) {
            log.warn("alarm at {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                    malformed.getMessage());
        }
    }
}
