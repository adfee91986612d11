package dustwatch.ingest.filing.web;

import dustwatch.contracts.filing.FilingStatus;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.filing.FilingDesk;
import dustwatch.ingest.filing.FilingRequest;
import dustwatch.ingest.filing.StoredFiling;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Filings (报备): {@code POST /api/v1/filings} (an enterprise user files: SUBMITTED; a town or district regulator
 * enters an approved filing), {@code GET /api/v1/filings[?state=&uscc=]} (a regulator's region, an enterprise's
 * own), {@code GET /api/v1/filings/{id}}, and the lifecycle {@code POST /api/v1/filings/{id}/approve},
 * {@code /reject} ({@code {"remark":…}}), {@code /withdraw}, {@code /end}. 400 problem with
 * {@code errors[{field, reason}]}, 404 outside scope, 403 wrong kind or tier, 409 when the filing's state does not
 * allow the change (problem names {@code from} and {@code to}).
 */
@RestController
class FilingController {
    private final FilingDesk desk;

    FilingController(FilingDesk desk) {
        this.desk = desk;
    }

    /** The body of a rejection. */
    record Rejection(String remark) {
    }

    @PostMapping("/api/v1/filings")
    ResponseEntity<StoredFiling> file(@RequestBody FilingRequest request, Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(desk.file(request, actor));
    }

    @GetMapping("/api/v1/filings")
    List<StoredFiling> list(@RequestParam(required = false) FilingStatus state,
                            @RequestParam(required = false) String uscc, Actor actor) {
        return desk.list(actor, state, uscc);
    }

    @GetMapping("/api/v1/filings/{id}")
    StoredFiling get(@PathVariable String id, Actor actor) {
        return desk.get(id, actor);
    }

    @PostMapping("/api/v1/filings/{id}/approve")
    StoredFiling approve(@PathVariable String id, Actor actor) {
        return desk.approve(id, actor);
    }

    @PostMapping("/api/v1/filings/{id}/reject")
    StoredFiling reject(@PathVariable String id, @RequestBody(required = false) Rejection body, Actor actor) {
        return desk.reject(id, actor, body == null ? null : body.remark());
    }

    @PostMapping("/api/v1/filings/{id}/withdraw")
    StoredFiling withdraw(@PathVariable String id, Actor actor) {
        return desk.withdraw(id, actor);
    }

    @PostMapping("/api/v1/filings/{id}/end")
    StoredFiling end(@PathVariable String id, Actor actor) {
        return desk.end(id, actor);
    }

    @ExceptionHandler(FilingDesk.FilingRefusedException.class)
    ProblemDetail refused(FilingDesk.FilingRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the filing was refused");
        p.setTitle("Invalid filing");
        p.setProperty("errors", e.errors());
        return p;
    }

    @ExceptionHandler(FilingDesk.FilingNotVisibleException.class)
    ProblemDetail notVisible(FilingDesk.FilingNotVisibleException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(FilingDesk.FilingForbiddenException.class)
    ProblemDetail forbidden(FilingDesk.FilingForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(FilingDesk.IllegalTransitionException.class)
    ProblemDetail illegal(FilingDesk.IllegalTransitionException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Illegal filing transition");
        p.setProperty("from", e.from());
        p.setProperty("to", e.to());
        return p;
    }
}
