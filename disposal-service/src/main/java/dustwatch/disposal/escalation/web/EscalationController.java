package dustwatch.disposal.escalation.web;

import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.escalation.EscalationTimer;
import dustwatch.disposal.escalation.EscalationTimers;
import dustwatch.disposal.warning.TransitionForbidden;
import dustwatch.disposal.warning.WarningService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The escalation ladder over HTTP: {@code GET /api/v1/escalations} lists the steps taken in the caller's region
 * (regulators only; {@code action=ENFORCEMENT_LISTED} is the enforcement list 执法检查名单), and
 * {@code GET /api/v1/warnings/{id}/escalations} the timers of one warning in scope (escalation badges).
 */
@RestController
class EscalationController {
    private final EscalationTimers timers;
    private final WarningService warnings;

    EscalationController(EscalationTimers timers, WarningService warnings) {
        this.timers = timers;
        this.warnings = warnings;
    }

    /** Steps fired in scope, newest first; {@code from}/{@code until} bound the firing time (ISO-8601). */
    @GetMapping("/api/v1/escalations")
    @Transactional(readOnly = true)
    List<EscalationTimers.FiredStep> fired(Actor actor, @RequestParam(required = false) String action,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
                                           @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        if (actor.kind() != Actor.Kind.REGULATOR) {
            throw new TransitionForbidden("only regulators see the escalation lists");
        }
        return timers.fired(actor.region(), action, from, until, limit);
    }

    /** Every rung of one warning's ladder: PENDING, FIRED or MOOT, with check and due instants. */
    @GetMapping("/api/v1/warnings/{id}/escalations")
    @Transactional(readOnly = true)
    List<EscalationTimer> ofWarning(Actor actor, @PathVariable String id) {
        warnings.detail(actor, id);
        return timers.of(id);
    }
}
