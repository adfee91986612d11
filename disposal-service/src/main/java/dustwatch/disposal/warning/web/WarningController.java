package dustwatch.disposal.warning.web;

import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.warning.WarningService;
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

import java.time.Clock;
import java.util.List;

/**
 * {@code /api/v1/warnings}: list, detail and the lifecycle steps of warning cases (architecture "disposal-service").
 * 404 outside the caller's scope, 403 wrong kind or tier, 409 illegal transition (see {@link DisposalProblems}).
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "warnings 预警处置", description = "Warning disposal: 签收 sign-in, 反馈 feedback, 消警 clear, 驳回 reject; deadlines and timeline, scoped by region.")
@RestController
@RequestMapping("/api/v1/warnings")
class WarningController {
    private final WarningService warnings;
    private final Clock clock;

    WarningController(WarningService warnings, Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    /** Warnings in scope, newest first, optionally of one state and/or colour; {@code limit} 1..1000 (default 200). */
    @GetMapping
    List<WarningItem> list(Actor actor, @RequestParam(required = false) WarningState state,
                           @RequestParam(required = false) Colour colour,
                           @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        var now = clock.instant();
        return warnings.list(actor, state, colour, limit).stream().map(w -> WarningItem.of(w, now)).toList();
    }

    /** One warning with its timeline. */
    @GetMapping("/{id}")
    WarningView detail(Actor actor, @PathVariable String id) {
        return WarningView.of(warnings.detail(actor, id), clock.instant());
    }

    /** 签收 by the enterprise: ISSUED → SIGNED_IN. */
    @PostMapping("/{id}/sign-in")
    WarningItem signIn(Actor actor, @PathVariable String id) {
        return WarningItem.of(warnings.signIn(actor, id), clock.instant());
    }

    /** 反馈 by the enterprise: SIGNED_IN → FEEDBACK_SUBMITTED. */
    @PostMapping("/{id}/feedback")
    WarningItem feedback(Actor actor, @PathVariable String id, @Valid @RequestBody FeedbackRequest body) {
        return WarningItem.of(warnings.submitFeedback(actor, id, body.cause(), body.measures(),
                body.evidence()), clock.instant());
    }

    /** 消警 by a verifying regulator: FEEDBACK_SUBMITTED → CLEARED. The body is optional. */
    @PostMapping("/{id}/clear")
    WarningItem clear(Actor actor, @PathVariable String id, @Valid @RequestBody(required = false) RemarkRequest body) {
        return WarningItem.of(warnings.clear(actor, id, body == null ? null : body.remark(),
                body == null ? null : body.reviewMode()), clock.instant());
    }

    /** 驳回 by a verifying regulator: FEEDBACK_SUBMITTED → SIGNED_IN; the remark is required. */
    @PostMapping("/{id}/reject")
    WarningItem reject(Actor actor, @PathVariable String id, @Valid @RequestBody RemarkRequest body) {
        return WarningItem.of(warnings.reject(actor, id, body.remark(), body.reviewMode()), clock.instant());
    }
}
