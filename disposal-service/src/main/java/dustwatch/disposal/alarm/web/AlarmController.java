package dustwatch.disposal.alarm.web;

import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.alarm.AlarmDetail;
import dustwatch.disposal.alarm.AlarmRecord;
import dustwatch.disposal.alarm.AlarmService;
import dustwatch.disposal.alarm.AlarmState;
import dustwatch.disposal.warning.web.FeedbackRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/v1/alarms}: alarm cases (报警处置) in the caller's scope, sign-in and feedback by the enterprise.
 * 404 outside scope, 403 not the enterprise's user, 409 illegal transition (members currentState, requiredStates).
 */
@RestController
@RequestMapping("/api/v1/alarms")
class AlarmController {
    private final AlarmService alarms;

    AlarmController(AlarmService alarms) {
        this.alarms = alarms;
    }

    /** Cases in scope, newest first, optionally of one state; {@code limit} 1..1000 (default 200). */
    @GetMapping
    List<AlarmRecord> list(Actor actor, @RequestParam(required = false) AlarmState state,
                           @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return alarms.list(actor, state, limit);
    }

    /** One case with its record ({@code alarm}, {@code steps}). */
    @GetMapping("/{id}")
    AlarmDetail detail(Actor actor, @PathVariable String id) {
        return alarms.detail(actor, id);
    }

    /** 签收: OPEN → SIGNED_IN. */
    @PostMapping("/{id}/sign-in")
    AlarmRecord signIn(Actor actor, @PathVariable String id) {
        return alarms.signIn(actor, id);
    }

    /** 反馈 {cause, measures, evidence}: SIGNED_IN or AUTO_RECOVERED → CLOSED. */
    @PostMapping("/{id}/feedback")
    AlarmRecord feedback(Actor actor, @PathVariable String id, @Valid @RequestBody FeedbackRequest body) {
        return alarms.feedback(actor, id, body.cause(), body.measures(), body.evidence());
    }
}
