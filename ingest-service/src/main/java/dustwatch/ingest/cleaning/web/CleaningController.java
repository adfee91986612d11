package dustwatch.ingest.cleaning.web;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.cleaning.CheckInRequest;
import dustwatch.ingest.cleaning.CleaningDesk;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/v1/cleaning/plan} (the enterprise's cleaning plan) and {@code POST /api/v1/cleaning/check-ins}
 * (a check-in, server time): enterprise users for their own enterprise; 202 with what was published; 400
 * problem with {@code errors[{field, reason}]}; 403 for other callers.
 */
@RestController
class CleaningController {
    private final CleaningDesk desk;

    CleaningController(CleaningDesk desk) {
        this.desk = desk;
    }

    @PutMapping("/api/v1/cleaning/plan")
    ResponseEntity<CleaningPlan> plan(@RequestBody CleaningPlan plan, Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(desk.plan(plan, actor));
    }

    @PostMapping("/api/v1/cleaning/check-ins")
    ResponseEntity<CleaningCheckIn> checkIn(@RequestBody CheckInRequest request, Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(desk.checkIn(request, actor));
    }

    @ExceptionHandler(CleaningDesk.CleaningRefusedException.class)
    ProblemDetail refused(CleaningDesk.CleaningRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "refused");
        p.setTitle("Invalid cleaning record");
        p.setProperty("errors", e.errors());
        return p;
    }

    @ExceptionHandler(CleaningDesk.CleaningForbiddenException.class)
    ProblemDetail forbidden(CleaningDesk.CleaningForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }
}
