package dustwatch.ingest.cleaning;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.platform.EventSender;
import dustwatch.ingest.registry.FieldError;
import dustwatch.ingest.registry.Registry;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes an enterprise user's cleaning plan and check-ins (domain reference §5.2) for its own enterprise,
 * validates them and publishes them ({@code dust.cleaning-plan}, {@code dust.cleaning}). The check-in time is
 * the server's. A photo used before is refused by the risk engine (it keeps the hashes; dead letter
 * {@code DUPLICATE_PHOTO}), as is an area the plan does not name.
 */
@Service
public class CleaningDesk {
    /** Methods allowed; compressed-air blowing is not one (GB 15577-2018 9.5). */
    static final Set<String> METHODS = Set.of("VACUUM", "WET_SWEEPING", "MANUAL");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,32}");
    private final Registry registry;
    private final EventSender events;
    private final Clock clock;

    public CleaningDesk(Registry registry, EventSender events, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    /** Why a check-in is refused; empty when valid. */
    public static List<FieldError> problems(CheckInRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.areaCode() == null || !CODE.matcher(r.areaCode()).matches()) {
            errors.add(new FieldError("areaCode", "1–32 of A–Z, 0–9, _ and -"));
        }
        if (r.method() == null || !METHODS.contains(r.method())) {
            errors.add(new FieldError("method", "one of " + METHODS + " (compressed-air blowing is not allowed)"));
        }
        List<String> hashes = r.photoHashes() == null ? List.of() : r.photoHashes();
        if (hashes.isEmpty() || hashes.size() > 10) {
            errors.add(new FieldError("photoHashes", "1–10 photos taken in the app"));
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (hashes.get(i) == null || !HASH.matcher(hashes.get(i)).matches()) {
                errors.add(new FieldError("photoHashes[" + i + "]", "a SHA-256 in 64 lower-case hex characters"));
            }
        }
        if (new HashSet<>(hashes).size() != hashes.size()) {
            errors.add(new FieldError("photoHashes", "the same photo twice"));
        }
        if (r.person() == null || r.person().isBlank() || r.person().length() > 64
                || r.person().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("person", "1–64 characters without control characters"));
        }
        if (r.latitude() == null || r.latitude() < -90 || r.latitude() > 90) {
            errors.add(new FieldError("latitude", "WGS-84 latitude −90…90"));
        }
        if (r.longitude() == null || r.longitude() < -180 || r.longitude() > 180) {
            errors.add(new FieldError("longitude", "WGS-84 longitude −180…180"));
        }
        return errors;
    }

    /** Why a plan is refused; empty when valid. */
    public static List<FieldError> problems(CleaningPlan plan) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.areas().isEmpty()) {
            errors.add(new FieldError("areas", "at least one area"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < plan.areas().size(); i++) {
            CleaningPlan.Area a = plan.areas().get(i);
            if (a.areaCode() == null || !CODE.matcher(a.areaCode()).matches() || !codes.add(a.areaCode())) {
                errors.add(new FieldError("areas[" + i + "].areaCode", "unique, 1–32 of A–Z, 0–9, _ and -"));
            }
            if (a.frequency() == null) {
                errors.add(new FieldError("areas[" + i + "].frequency", "PER_SHIFT, DAILY or WEEKLY"));
            }
        }
        for (int i = 0; i < plan.shifts().size(); i++) {
            CleaningPlan.Shift s = plan.shifts().get(i);
            if (s.start() == null || s.end() == null || s.start().equals(s.end())) {
                errors.add(new FieldError("shifts[" + i + "]", "a start and a different end (China time)"));
            }
        }
        boolean perShift = plan.areas().stream().anyMatch(a -> a.frequency() == dustwatch.contracts.cleaning.CleaningFrequency.PER_SHIFT);
        if (perShift && plan.shifts().isEmpty()) {
            errors.add(new FieldError("shifts", "per-shift areas need the production shifts"));
        }
        return errors;
    }

    /** Publishes a check-in of the actor's own enterprise, stamped with server time. */
    public CleaningCheckIn checkIn(CheckInRequest request, Actor actor) {
        EnterpriseProfile profile = own(actor);
        List<FieldError> errors = problems(request);
        if (!errors.isEmpty()) {
            throw new CleaningRefusedException(errors);
        }
        CleaningCheckIn checkIn = new CleaningCheckIn(UUID.randomUUID().toString(), profile.uscc(), profile.regionCode(),
                request.areaCode(), request.method(), request.photoHashes(), request.person(), request.latitude(),
                request.longitude(), clock.instant(), "APP");
        events.sendAndWait(Topics.CLEANING_CHECK_INS, profile.uscc(), checkIn);
        return checkIn;
    }

    /** Publishes the cleaning plan of the actor's own enterprise. */
    public CleaningPlan plan(CleaningPlan request, Actor actor) {
        EnterpriseProfile profile = own(actor);
        CleaningPlan plan = new CleaningPlan(profile.uscc(), profile.regionCode(), request.areas(), request.shifts(),
                clock.instant());
        List<FieldError> errors = problems(plan);
        if (!errors.isEmpty()) {
            throw new CleaningRefusedException(errors);
        }
        events.sendAndWait(Topics.CLEANING_PLANS, profile.uscc(), plan);
        return plan;
    }

    private EnterpriseProfile own(Actor actor) {
        if (actor.kind() != Actor.Kind.ENTERPRISE) {
            throw new CleaningForbiddenException("cleaning plans and check-ins are the enterprise's own");
        }
        return registry.find(actor.uscc()).orElseThrow(() -> new CleaningForbiddenException(
                "enterprise " + actor.uscc() + " is not registered"));
    }

    /** The request is invalid. */
    public static class CleaningRefusedException extends RuntimeException {
        private final List<FieldError> errors;

        public CleaningRefusedException(List<FieldError> errors) {
            super("refused: " + errors);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** The caller is not an enterprise user of a registered enterprise. */
    public static class CleaningForbiddenException extends RuntimeException {
        public CleaningForbiddenException(String message) {
            super(message);
        }
    }
}
