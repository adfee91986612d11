package dustwatch.disposal.report.web;

import dustwatch.contracts.disposal.DisposalActions;
import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.escalation.EscalationTimers;
import dustwatch.disposal.report.RankingWorkbook;
import dustwatch.disposal.report.WarningReport;
import dustwatch.disposal.supervision.Level;
import dustwatch.disposal.supervision.Period;
import dustwatch.disposal.supervision.SupervisionService;
import dustwatch.disposal.supervision.UnitMetrics;
import dustwatch.disposal.warning.TransitionForbidden;
import dustwatch.disposal.warning.WarningService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Downloads: {@code GET /api/v1/supervision/rankings.xlsx}, {@code GET /api/v1/warnings/{id}/report.pdf} (the
 * feedback report, also the enforcement evidence pack) and {@code GET /api/v1/circulars/{yyyy-MM}.pdf} (警示通报).
 * All scoped like the JSON endpoints.
 */
@RestController
class ReportController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SupervisionService supervision;
    private final WarningService warnings;
    private final EscalationTimers timers;

    ReportController(SupervisionService supervision, WarningService warnings, EscalationTimers timers) {
        this.supervision = supervision;
        this.warnings = warnings;
        this.timers = timers;
    }

    @GetMapping("/api/v1/supervision/rankings.xlsx")
    ResponseEntity<byte[]> rankings(Actor actor, @RequestParam String period,
                                    @RequestParam(defaultValue = "TOWN") Level level) {
        List<UnitMetrics> ranked = supervision.ranking(actor, Period.parse(period), level);
        return download(RankingWorkbook.write(period, level, ranked), XLSX, "rankings-" + period + "-" + level + ".xlsx");
    }

    @GetMapping("/api/v1/warnings/{id}/report.pdf")
    ResponseEntity<byte[]> feedbackReport(Actor actor, @PathVariable String id) {
        return download(WarningReport.feedbackReport(warnings.detail(actor, id)), MediaType.APPLICATION_PDF,
                "warning-" + id + ".pdf");
    }

    @GetMapping("/api/v1/circulars/{month}.pdf")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> circular(Actor actor, @PathVariable String month) {
        if (actor.kind() != Actor.Kind.REGULATOR) {
            throw new TransitionForbidden("the warning circular is for regulators");
        }
        Period period = Period.parse(month);
        if (period.label().length() != 7) {
            throw new IllegalArgumentException("a circular covers a month: yyyy-MM");
        }
        List<EscalationTimers.FiredStep> listed = timers.fired(actor.region(), DisposalActions.CIRCULAR_LISTED,
                        period.from(), null, 10_000).stream()
                .filter(s -> !s.checkAt().isBefore(period.from()) && s.checkAt().isBefore(period.to()))
                .toList();
        return download(WarningReport.circular(month, actor.region().value(), listed), MediaType.APPLICATION_PDF,
                "circular-" + month + ".pdf");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
