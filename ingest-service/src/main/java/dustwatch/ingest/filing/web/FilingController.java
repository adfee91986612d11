package dustwatch.ingest.filing.web;

import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.filing.FilingDesk;
import dustwatch.ingest.filing.FilingRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/filings}: an enterprise user files (SUBMITTED), a town or district regulator enters an
 * approved filing; 202 with the published {@link Filing}. 400 problem with {@code errors[{field, reason}]},
 * 404 outside scope, 403 for other callers.
 */
@RestController
class FilingController {
    private final FilingDesk desk;

    FilingController(FilingDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/api/v1/filings")
    ResponseEntity<Filing> file(@RequestBody FilingRequest request, Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(desk.file(request, actor));
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
}
