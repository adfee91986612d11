package dustwatch.alert.maintenance.web;

import dustwatch.alert.maintenance.MaintenanceWindow;
import dustwatch.alert.maintenance.NoiseControl;
import dustwatch.alert.web.Problems;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.scope.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;

/** Maintenance windows (检修窗口): approved by a district (or higher) unit covering the enterprise; audited. */
@Tag(name = "alerts 检修窗口", description = "Maintenance windows approved by the district: warnings inside are recorded, not dispatched.")
@RestController
class MaintenanceController {
    private final NoiseControl noise;

    MaintenanceController(NoiseControl noise) {
        this.noise = noise;
    }

    record WindowRequest(String uscc, String regionCode, OffsetDateTime startsAt, OffsetDateTime endsAt, String reason) {
    }

    /** Approves a window (district+ covering {@code regionCode}); it expires by itself at {@code endsAt}. */
    @PostMapping("/api/v1/alerts/maintenance-windows")
    @ResponseStatus(HttpStatus.CREATED)
    MaintenanceWindow approve(Actor actor, @RequestBody WindowRequest request) {
        Problems.requireDistrictOrAbove(actor);
        if (request == null || request.uscc() == null || request.regionCode() == null || request.startsAt() == null
                || request.endsAt() == null || request.reason() == null || request.reason().isBlank()) {
            throw Problems.badRequest("uscc, regionCode, startsAt, endsAt and reason are required");
        }
        if (!Problems.isRegion(request.regionCode()) || !actor.region().covers(RegionCode.of(request.regionCode()))) {
            throw Problems.of(HttpStatus.FORBIDDEN, "region " + request.regionCode() + " is outside " + actor.region());
        }
        try {
            return noise.approve(request.uscc(), request.regionCode(), request.startsAt().toInstant(),
                    request.endsAt().toInstant(), request.reason().strip(), actor.username());
        } catch (IllegalArgumentException bad) {
            throw Problems.badRequest(bad.getMessage());
        }
    }

    /** The windows in the caller's scope (an enterprise: its own), newest first. */
    @GetMapping("/api/v1/alerts/maintenance-windows")
    List<MaintenanceWindow> windows(Actor actor) {
        Problems.requirePerson(actor);
        return noise.windows().stream().filter(w -> actor.canSee(w.uscc(), RegionCode.of(w.regionCode()))).toList();
    }
}
