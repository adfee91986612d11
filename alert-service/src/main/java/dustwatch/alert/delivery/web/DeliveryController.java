package dustwatch.alert.delivery.web;

import dustwatch.alert.delivery.AttemptOutcome;
import dustwatch.alert.delivery.ChannelName;
import dustwatch.alert.delivery.Delivery;
import dustwatch.alert.delivery.DeliveryLog;
import dustwatch.alert.delivery.Receipt;
import dustwatch.alert.routing.KnownWarning;
import dustwatch.alert.routing.KnownWarnings;
import dustwatch.alert.web.Problems;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The delivery log of a warning (推送记录): every message, attempt and receipt, scoped like the warning. */
@Tag(name = "alerts 推送记录", description = "Delivery log with receipts: who was told about a warning, on which channel, with what result.")
@RestController
class DeliveryController {
    private final DeliveryLog log;
    private final KnownWarnings warnings;

    DeliveryController(DeliveryLog log, KnownWarnings warnings) {
        this.log = log;
        this.warnings = warnings;
    }

    /**
     * The deliveries of a warning (its announcement, reminders, escalation steps), oldest first, with attempts.
     * A regulator covering the enterprise sees them all; the enterprise its own. 404 outside the caller's scope.
     */
    @GetMapping("/api/v1/alerts/deliveries")
    List<Delivery> deliveries(Actor actor, @RequestParam String warningId) {
        Problems.requirePerson(actor);
        KnownWarning w = warnings.find(warningId)
                .filter(found -> actor.canSee(found.uscc(), RegionCode.of(found.regionCode())))
                .orElseThrow(() -> Problems.notFound("no warning " + warningId + " in your scope"));
        List<Delivery> all = log.about(w.warningId());
        return actor.kind() == Actor.Kind.ENTERPRISE
                ? all.stream().filter(d -> d.unitCode().equals(actor.uscc())).toList() : all;
    }

    /** The recipient's unit acknowledges a message (console receipt); a repeat is harmless. 404 for other units. */
    @PostMapping("/api/v1/alerts/deliveries/{id}/read")
    Delivery read(Actor actor, @PathVariable long id) {
        Delivery delivery = log.find(id).filter(d -> Problems.isUnit(actor, d.unitCode()))
                .orElseThrow(() -> Problems.notFound("no delivery " + id + " to your unit"));
        if (log.read(id)) {
            log.attempt(id, ChannelName.CONSOLE, AttemptOutcome.READ, Receipt.CONSOLE_ACKNOWLEDGED,
                    "read by " + actor.username());
        }
        return log.find(delivery.id()).orElseThrow();
    }
}
