package dustwatch.risk.stream;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.warning.Warning;
import dustwatch.risk.warning.WarningIssuer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees an enterprise when disposal-service reports its open warning CLEARED (消警) or SUPERSEDED, so that a
 * new warning can be issued (§3.2 lifecycle). Idempotent on the event id.
 */
final class DisposalProcessor implements Processor<String, DisposalEvent, Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(DisposalProcessor.class);
    private final WarningIssuer issuer;
    private KeyValueStore<String, Warning> openWarnings;
    private KeyValueStore<String, SeenEvents> seen;

    DisposalProcessor(WarningIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        openWarnings = context.getStateStore(RiskTopology.OPEN_WARNINGS);
        seen = context.getStateStore(RiskTopology.SEEN_EVENTS);
    }

    @Override
    public void process(Record<String, DisposalEvent> record) {
        DisposalEvent event = record.value();
        String uscc = record.key() != null ? record.key() : event == null ? null : event.uscc();
        if (event == null || uscc == null) {
            return;
        }
        SeenEvents already = seen.get(uscc);
        if (event.eventId() != null) {
            if (already != null && already.contains(event.eventId())) {
                return;
            }
            seen.put(uscc, (already == null ? new SeenEvents(null) : already).with(event.eventId()));
        }
        Warning open = openWarnings.get(uscc);
        if (issuer.frees(open, event)) {
            openWarnings.delete(uscc);
            log.info("warning {} of {} is {}: the enterprise may be warned again", open.warningId(), uscc, event.toState());
        }
    }
}
