package dustwatch.ingest.cleaning.web;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.cleaning.CheckInRequest;
import dustwatch.ingest.cleaning.CleaningDesk;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code PUT /api/v1/cleaning/plan} (the enterprise's cleaning plan) and {@code POST /api/v1/cleaning/check-ins}
 * (a check-in, server time): enterprise users for their own enterprise; 202 with what was stored; 400
 * problem with {@code errors[{field, reason}]}; 409 {@code DUPLICATE_PHOTO} for a photo used before; 403 for other
 * callers. Reads, scoped (404 outside): {@code GET /api/v1/cleaning/plan?uscc=},
 * {@code GET /api/v1/cleaning/check-ins?uscc=&from=&until=} (China days, with compliance per day) and, for
 * regulators, {@code GET /api/v1/cleaning/compliance?date=} (every enterprise with a plan in the region).
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

    @GetMapping("/api/v1/cleaning/plan")
    CleaningPlan planOf(@RequestParam(required = false) String uscc, Actor actor) {
        return desk.planOf(uscc, actor);
    }

    @GetMapping("/api/v1/cleaning/check-ins")
    CleaningDesk.CheckIns checkIns(@RequestParam(required = false) String uscc,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until, Actor actor) {
        return desk.checkIns(uscc, from, until, actor);
    }

    @GetMapping("/api/v1/cleaning/compliance")
    List<CleaningDesk.CheckIns> compliance(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Actor actor) {
        return desk.compliance(date, actor);
    }

    @ExceptionHandler(CleaningDesk.DuplicatePhotoException.class)
    ProblemDetail duplicatePhoto(CleaningDesk.DuplicatePhotoException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Photo already used");
        p.setProperty("code", "DUPLICATE_PHOTO");
        p.setProperty("photoHashes", e.hashes());
        return p;
    }

    @ExceptionHandler(CleaningDesk.CleaningNotVisibleException.class)
    ProblemDetail notVisible(CleaningDesk.CleaningNotVisibleException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
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
