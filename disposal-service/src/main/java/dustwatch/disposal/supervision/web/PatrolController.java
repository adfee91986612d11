package dustwatch.disposal.supervision.web;

import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.supervision.PatrolResult;
import dustwatch.disposal.supervision.PatrolService;
import dustwatch.disposal.supervision.Patrols;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Online patrol (线上巡查): {@code POST /api/v1/supervision/patrols?size=n} draws a random sample of the
 * enterprises in the caller's region, {@code GET …/patrols/{id}} lists it, {@code POST …/patrols/{id}/items/{uscc}}
 * records {result, remark}. Regulators only; 404 outside scope.
 */
@RestController
class PatrolController {
    private final PatrolService patrols;

    PatrolController(PatrolService patrols) {
        this.patrols = patrols;
    }

    @PostMapping("/api/v1/supervision/patrols")
    List<Patrols.PatrolItem> draw(Actor actor, @RequestParam(defaultValue = "5") int size) {
        return patrols.draw(actor, size);
    }

    @GetMapping("/api/v1/supervision/patrols/{id}")
    List<Patrols.PatrolItem> items(Actor actor, @PathVariable String id) {
        return patrols.items(actor, id);
    }

    @PostMapping("/api/v1/supervision/patrols/{id}/items/{uscc}")
    List<Patrols.PatrolItem> record(Actor actor, @PathVariable String id, @PathVariable String uscc,
                                    @Valid @RequestBody ResultRequest body) {
        return patrols.record(actor, id, uscc, body.result(), body.remark());
    }

    @ExceptionHandler(PatrolService.PatrolNotFound.class)
    ProblemDetail notFound(PatrolService.PatrolNotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Patrol not found");
        return p;
    }

    /**
     * @param result NORMAL, ISSUE_FOUND or UNREACHABLE
     * @param remark what was seen, e.g. "视频离线，电话核实正在检修"
     */
    record ResultRequest(@NotNull PatrolResult result,
                         @Size(max = 2000) @Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*",
                                 message = "must not contain control characters") String remark) {
    }
}
