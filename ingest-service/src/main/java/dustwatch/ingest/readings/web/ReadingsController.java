package dustwatch.ingest.readings.web;

import dustwatch.contracts.scope.Actor;
import dustwatch.ingest.readings.ReadingsProperties;
import dustwatch.ingest.readings.StoredReading;
import dustwatch.ingest.readings.persistence.ReadingRepository;
import dustwatch.ingest.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/v1/readings?uscc=…&limit=…}: the latest stored readings of an enterprise in the caller's
 * scope, newest first. An enterprise outside the scope (or unknown) answers 404 so that scope does not leak
 * existence; {@code limit} is clamped to 1..{@link ReadingsProperties#maxLimit()}.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "readings 实时数据", description = "The latest stored readings of an enterprise in scope (最新监测数据), times at +08:00.")
@RestController
public class ReadingsController {
    private final Registry registry;
    private final ReadingRepository readings;
    private final ReadingsProperties properties;

    public ReadingsController(Registry registry, ReadingRepository readings, ReadingsProperties properties) {
        this.registry = registry;
        this.readings = readings;
        this.properties = properties;
    }

    /** The latest readings. */
    @GetMapping("/api/v1/readings")
    public List<StoredReading> latest(@RequestParam String uscc, @RequestParam(required = false) Integer limit, Actor actor) {
        if (registry.findVisible(uscc, actor).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no enterprise " + uscc + " in your scope"), null);
        }
        int n = limit == null ? properties.defaultLimit() : Math.clamp(limit, 1, properties.maxLimit());
        return readings.latest(uscc, n);
    }
}
