package dustwatch.ingest.filing;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.Filing;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.platform.EventSender;
import dustwatch.ingest.registry.FieldError;
import dustwatch.ingest.registry.Registry;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes filings (报备) entered through the API (domain reference §2.4 FILING, §2.6). An enterprise user files
 * for its own enterprise: the filing is SUBMITTED, waiting for its town or district. A town or district
 * regulator covering the enterprise enters it APPROVED (approval recorded with its name and tier). Valid
 * filings are published to {@code dust.filing}, where the risk engine applies them.
 */
@Service
public class FilingDesk {
    /** The longest window a filing may declare. */
    static final Duration MAX_WINDOW = Duration.ofDays(90);
    private final Registry registry;
    private final EventSender events;
    private final Clock clock;

    public FilingDesk(Registry registry, EventSender events, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    /** Why a filing is refused; empty when it is valid (the scope is checked separately). */
    public static List<FieldError> problems(FilingRequest r, EnterpriseProfile profile) {
        List<FieldError> errors = new ArrayList<>();
        if (r.kind() == null) {
            errors.add(new FieldError("kind", "STOP_PRODUCTION, MAINTENANCE or COLLECTOR_OUT_OF_SERVICE is required"));
        }
        if (r.start() == null || r.plannedEnd() == null) {
            errors.add(new FieldError(r.start() == null ? "start" : "plannedEnd", "the window needs a start and a planned end"));
        } else if (!r.plannedEnd().isAfter(r.start())) {
            errors.add(new FieldError("plannedEnd", "must be after start"));
        } else if (Duration.between(r.start(), r.plannedEnd()).compareTo(MAX_WINDOW) > 0) {
            errors.add(new FieldError("plannedEnd", "a filing covers at most " + MAX_WINDOW.toDays() + " days"));
        }
        if (r.kind() == FilingKind.COLLECTOR_OUT_OF_SERVICE && r.collectorCode() == null) {
            errors.add(new FieldError("collectorCode", "a collector-out-of-service filing names its collector"));
        }
        if (r.collectorCode() != null && profile.collectors().stream().noneMatch(c -> c.code().equals(r.collectorCode()))) {
            errors.add(new FieldError("collectorCode", "the enterprise has no collector " + r.collectorCode()));
        }
        if (r.reason() == null || r.reason().isBlank() || r.reason().length() > 500
                || r.reason().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("reason", "1–500 characters without control characters"));
        }
        return errors;
    }

    /**
     * Validates and publishes a filing.
     *
     * @return the published filing
     * @throws FilingRefusedException      with the field errors when invalid
     * @throws FilingNotVisibleException   when the enterprise is unknown or outside the caller's scope
     * @throws FilingForbiddenException    when the caller may neither file nor approve (a city or province)
     */
    public Filing file(FilingRequest request, Actor actor) {
        String uscc = request.uscc() != null ? request.uscc() : actor.uscc();
        Optional<EnterpriseProfile> profile = uscc == null ? Optional.empty() : registry.find(uscc)
                .filter(p -> p.regionCode() != null && actor.canSee(p.uscc(), RegionCode.of(p.regionCode())));
        if (profile.isEmpty()) {
            throw new FilingNotVisibleException(uscc);
        }
        boolean approver = actor.kind() == Actor.Kind.REGULATOR && (actor.tier() == Tier.TOWN || actor.tier() == Tier.DISTRICT);
        if (actor.kind() != Actor.Kind.ENTERPRISE && !approver) {
            throw new FilingForbiddenException("only the enterprise files and only its town or district approves");
        }
        List<FieldError> errors = problems(request, profile.get());
        if (!errors.isEmpty()) {
            throw new FilingRefusedException(errors);
        }
        Instant now = clock.instant();
        Filing filing = new Filing(UUID.randomUUID().toString(), uscc, profile.get().regionCode(), request.kind(),
                request.collectorCode(), request.start(), request.plannedEnd(), request.reason(),
                approver ? FilingStatus.APPROVED : FilingStatus.SUBMITTED, approver ? actor.username() : null,
                approver ? actor.tier().name() : null, "API", now);
        events.sendAndWait(Topics.FILINGS, uscc, filing);
        return filing;
    }

    /** The filing is invalid. */
    public static class FilingRefusedException extends RuntimeException {
        private final List<FieldError> errors;

        public FilingRefusedException(List<FieldError> errors) {
            super("filing refused: " + errors);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Unknown enterprise or outside the caller's scope (answered 404: scope does not leak existence). */
    public static class FilingNotVisibleException extends RuntimeException {
        public FilingNotVisibleException(String uscc) {
            super("no enterprise " + uscc + " in your scope");
        }
    }

    /** The caller may not file. */
    public static class FilingForbiddenException extends RuntimeException {
        public FilingForbiddenException(String message) {
            super(message);
        }
    }
}
