package dustwatch.risk.assessment.web;

import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.risk.RiskAssessment;
import dustwatch.contracts.scope.Actor;
import dustwatch.risk.assessment.AssessmentsUnavailableException;
import dustwatch.risk.assessment.EnterpriseStatus;
import dustwatch.risk.assessment.LatestAssessments;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/risk/enterprises/{uscc}}: the enterprise's current {@link RiskAssessment} (JSON as on
 * {@code dust.risk-assessments}), for a caller who may see it ({@link Actor#canSee}). Errors are problem
 * details: 404 when unknown or outside the caller's scope (scope does not leak existence), 503 with
 * {@code Retry-After} while the engine's store is not queryable.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "risk 风险评估", description = "The current risk assessment of an enterprise in scope (企业当前风险评估: inherent level A–D, dynamic band, colour).")
@RestController
@RequestMapping("/api/v1/risk/enterprises")
class AssessmentController {
    private static final String RETRY_AFTER_SECONDS = "5";
    /** 18 letters and digits: anything else is no enterprise anywhere, and is not forwarded. */
    private static final java.util.regex.Pattern USCC_SHAPE = java.util.regex.Pattern.compile("[0-9A-Z]{18}");
    private final LatestAssessments assessments;
    private final InstanceForwarder forwarder;

    AssessmentController(LatestAssessments assessments, InstanceForwarder forwarder) {
        this.assessments = assessments;
        this.forwarder = forwarder;
    }

    /**
     * The latest assessment. With several engine instances, an enterprise whose state another instance holds is
     * answered by that instance ({@link InstanceForwarder}, the caller's token relayed).
     */
    @GetMapping("/{uscc}")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = RiskAssessment.class)))
    ResponseEntity<?> assessment(@PathVariable String uscc, Actor actor, HttpServletRequest request) {
        var elsewhere = elsewhere(uscc, request);
        if (elsewhere.isPresent()) {
            return forwarder.forward(elsewhere.get(), "/api/v1/risk/enterprises/" + uscc, request.getHeader(HttpHeaders.AUTHORIZATION));
        }
        return ResponseEntity.ok(assessments.find(uscc)
                .filter(a -> a.regionCode() != null && actor.canSee(a.uscc(), RegionCode.of(a.regionCode())))
                .orElseThrow(() -> notFound(uscc)));
    }

    private java.util.Optional<java.net.URI> elsewhere(String uscc, HttpServletRequest request) {
        if (request.getHeader(InstanceForwarder.FORWARDED) != null || !USCC_SHAPE.matcher(uscc).matches()) {
            return java.util.Optional.empty();
        }
        return assessments.heldElsewhere(uscc);
    }

    /**
     * {@code GET /api/v1/risk/enterprises/{uscc}/status}: colour, scores and every factor, open alarms, online
     * status, active filings and cleaning compliance, for a caller who may see the enterprise.
     */
    @GetMapping("/{uscc}/status")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = EnterpriseStatus.class)))
    ResponseEntity<?> status(@PathVariable String uscc, Actor actor, HttpServletRequest request) {
        var elsewhere = elsewhere(uscc, request);
        if (elsewhere.isPresent()) {
            return forwarder.forward(elsewhere.get(), "/api/v1/risk/enterprises/" + uscc + "/status",
                    request.getHeader(HttpHeaders.AUTHORIZATION));
        }
        return ResponseEntity.ok(assessments.status(uscc)
                .filter(s -> s.regionCode() != null && actor.canSee(s.uscc(), RegionCode.of(s.regionCode())))
                .orElseThrow(() -> notFound(uscc)));
    }

    @ExceptionHandler(AssessmentsUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(AssessmentsUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Risk assessments cannot be read right now: " + e.getMessage());
        problem.setTitle("Risk engine not ready");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ErrorResponseException notFound(String uscc) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No risk assessment of enterprise " + uscc + " is visible to you");
        problem.setTitle("Enterprise not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
