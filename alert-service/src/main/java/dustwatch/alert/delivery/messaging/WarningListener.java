package dustwatch.alert.delivery.messaging;

import dustwatch.alert.delivery.Intake;
import dustwatch.alert.delivery.WarningDispatcher;
import dustwatch.contracts.warning.Warning;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code dust.warning} (group {@code spring.kafka.consumer.group-id}, default {@code dustwatch-alert},
 * read committed), dispatches each warning once to the console stream and hands it to {@link Intake} for the
 * routing table's units and their staff on duty. A warning that cannot be routed is logged and skipped; a failure
 * to write the delivery log is rethrown so the container retries the record.
 */
@Component
class WarningListener {
    private static final Logger LOG = LoggerFactory.getLogger(WarningListener.class);

    private final WarningDispatcher dispatcher;
    private final Intake intake;

    WarningListener(WarningDispatcher dispatcher, Intake intake) {
        this.dispatcher = dispatcher;
        this.intake = intake;
    }

    @KafkaListener(id = "alert-warnings", idIsGroup = false,
            topics = "#{T(dustwatch.contracts.topic.Topics).WARNINGS.name()}",
            containerFactory = KafkaConfiguration.WARNING_LISTENER_FACTORY)
    void onWarning(ConsumerRecord<String, Warning> record) {
        Warning warning = record.value();
        if (warning == null) {
            return;
        }
        try {
            dispatcher.dispatch(warning).ifPresent(routed -> LOG.info("warning {} ({} {}) routed to {}",
                    warning.warningId(), warning.colour(), warning.uscc(), routed.audiences()));
            intake.warning(warning); // routing table → rosters → channels, with the delivery log
        } catch (IllegalArgumentException unroutable) {
            LOG.warn("warning {} at {}-{}@{} skipped: {}", warning.warningId(), record.topic(), record.partition(),
                    record.offset(), unroutable.getMessage());
        }
    }
}
