package dustwatch.disposal.supervision.web;

import dustwatch.contracts.scope.Actor;
import dustwatch.disposal.supervision.Level;
import dustwatch.disposal.supervision.Period;
import dustwatch.disposal.supervision.SupervisionService;
import dustwatch.disposal.supervision.UnitMetrics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/v1/supervision/metrics} and {@code …/rankings} (regulators only, scoped to the caller's region):
 * {@code period} is a month {@code 2026-03} or a day {@code 2026-03-05} (China time), {@code level} one of
 * ENTERPRISE, TOWN (default), DISTRICT, CITY.
 */
@RestController
class SupervisionController {
    private final SupervisionService supervision;

    SupervisionController(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/api/v1/supervision/metrics")
    List<UnitMetrics> metrics(Actor actor, @RequestParam String period, @RequestParam(defaultValue = "TOWN") Level level) {
        return supervision.metrics(actor, Period.parse(period), level);
    }

    @GetMapping("/api/v1/supervision/rankings")
    List<UnitMetrics> rankings(Actor actor, @RequestParam String period, @RequestParam(defaultValue = "TOWN") Level level) {
        return supervision.ranking(actor, Period.parse(period), level);
    }
}
