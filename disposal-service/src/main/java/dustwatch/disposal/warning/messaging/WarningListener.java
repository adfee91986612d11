package dustwatch.disposal.warning.messaging;

import dustwatch.contracts.warning.Warning;
import dustwatch.disposal.warning.WarningService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a warning case for every warning (预警) on {@code Topics.WARNINGS}, group {@code dustwatch-disposal}.
 * Idempotent on {@code warningId}; a malformed warning is logged and skipped; a database failure is retried.
 */
@Component
class WarningListener {
    private static final Logger log = LoggerFactory.getLogger(WarningListener.class);

    private final WarningService warnings;

    WarningListener(WarningService warnings) {
        this.warnings = warnings;
    }

    @KafkaListener(id = "disposal-warnings", topics = "#{@warningsTopic.name()}", groupId = "dustwatch-disposal")
    void onWarning(ConsumerRecord<String, Warning> record) {
        Warning warning = record.value();
        if (warning == null) {
            return;
        }
        try {
            if (warnings.receive(warning)) {
                log.info("warning {} ({} {}) opened", warning.warningId(), warning.colour(), warning.uscc());
            }
        } catch (IllegalArgumentException malformed) {
            log.warn("warning at {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                    malformed.getMessage());
        }
    }
}
