package dustwatch.ingest.cleaning;

import dustwatch.contracts.cleaning.CleaningCheckIn;
import dustwatch.contracts.cleaning.CleaningPlan;
import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.cleaning.persistence.CleaningRepository;
import dustwatch.ingest.platform.Outbox;
import dustwatch.ingest.registry.FieldError;
import dustwatch.ingest.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes an enterprise user's cleaning plan and check-ins (domain reference §5.2) for its own enterprise,
 * validates and stores them, and announces them through the outbox in the same transaction
 * ({@code dust.cleaning-plan}, {@code dust.cleaning}). The check-in time is the server's. A check-in names an
 * area of the stored plan, and a photo is evidence once: a photo whose content hash this enterprise used before is
 * refused here (409, {@code DUPLICATE_PHOTO}) — the same rule the risk engine keeps for records from other
 * sources. Reads the plan, the check-ins and the compliance per China day ({@link CleaningCompliance}), scoped to
 * the caller.
 */
@Service
public class CleaningDesk {
    /** Methods allowed; compressed-air blowing is not one (GB 15577-2018 9.5). */
    static final Set<String> METHODS = Set.of("VACUUM", "WET_SWEEPING", "MANUAL");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,32}");
    /** The longest period one read of check-ins covers. */
    static final int MAX_DAYS = 92;
    private final Registry registry;
    private final CleaningRepository store;
    private final Outbox outbox;
    private final Clock clock;

    public CleaningDesk(Registry registry, CleaningRepository store, Outbox outbox, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.outbox = outbox;
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

    /**
     * Stores and announces a check-in of the actor's own enterprise, stamped with server time.
     *
     * @throws CleaningRefusedException  (400) invalid, or an area the stored plan does not name
     * @throws DuplicatePhotoException   (409) a photo this enterprise used before
     */
    @Transactional
    public CleaningCheckIn checkIn(CheckInRequest request, Actor actor) {
        EnterpriseProfile profile = own(actor);
        List<FieldError> errors = new ArrayList<>(problems(request));
        if (errors.isEmpty()) {
            Optional<CleaningPlan> plan = store.plan(profile.uscc());
            if (plan.isEmpty()) {
                errors.add(new FieldError("areaCode", "the enterprise has no cleaning plan yet (PUT /api/v1/cleaning/plan)"));
            } else if (plan.get().areas().stream().noneMatch(a -> a.areaCode().equals(request.areaCode()))) {
                errors.add(new FieldError("areaCode", request.areaCode() + " is not an area of the cleaning plan"));
            }
        }
        if (!errors.isEmpty()) {
            throw new CleaningRefusedException(errors);
        }
        List<String> used = store.usedPhotos(profile.uscc(), request.photoHashes());
        if (!used.isEmpty()) {
            throw new DuplicatePhotoException(used);
        }
        CleaningCheckIn checkIn = new CleaningCheckIn(UUID.randomUUID().toString(), profile.uscc(), profile.regionCode(),
                request.areaCode(), request.method(), request.photoHashes(), request.person(), request.latitude(),
                request.longitude(), clock.instant(), "APP");
        if (!store.insert(checkIn)) {
            throw new DuplicatePhotoException(request.photoHashes());
        }
        outbox.enqueue(Topics.CLEANING_CHECK_INS, profile.uscc(), checkIn);
        return checkIn;
    }

    /** The plan of {@code uscc} (an enterprise user's own when null); {@link CleaningNotVisibleException} otherwise. */
    public CleaningPlan planOf(String uscc, Actor actor) {
        EnterpriseProfile profile = visible(uscc, actor);
        return store.plan(profile.uscc()).orElseThrow(() -> new CleaningNotVisibleException(
                "enterprise " + profile.uscc() + " has no cleaning plan"));
    }

    /**
     * The check-ins of {@code uscc} on the China days {@code from}..{@code until} (default: the last 7 days up to
     * today) with the compliance of each day.
     */
    public CheckIns checkIns(String uscc, LocalDate from, LocalDate until, Actor actor) {
        EnterpriseProfile profile = visible(uscc, actor);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CleaningCompliance.CHINA);
        LocalDate last = until == null ? today : until;
        LocalDate first = from == null ? last.minusDays(6) : from;
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new CleaningRefusedException(List.of(new FieldError("until",
                    "from ≤ until, at most " + MAX_DAYS + " days (China calendar days, yyyy-MM-dd)")));
        }
        List<CleaningCheckIn> checkIns = store.checkIns(profile.uscc(), first.atStartOfDay(CleaningCompliance.CHINA).toInstant(),
                last.plusDays(1).atStartOfDay(CleaningCompliance.CHINA).toInstant());
        List<CleaningCompliance.Day> days = store.plan(profile.uscc())
                .map(p -> CleaningCompliance.days(p, checkIns, first, last, now)).orElse(List.of());
        return new CheckIns(profile.uscc(), profile.name(), first, last, checkIns, days);
    }

    /** Today's compliance (China day) of every enterprise with a plan that the regulator sees. */
    public List<CheckIns> compliance(LocalDate date, Actor actor) {
        if (actor.kind() != Actor.Kind.REGULATOR) {
            throw new CleaningForbiddenException("the region's compliance is for regulators");
        }
        Instant now = clock.instant();
        LocalDate day = date == null ? LocalDate.ofInstant(now, CleaningCompliance.CHINA) : date;
        List<CheckIns> result = new ArrayList<>();
        for (EnterpriseProfile p : registry.visibleTo(actor)) {
            store.plan(p.uscc()).ifPresent(plan -> {
                List<CleaningCheckIn> checkIns = store.checkIns(p.uscc(),
                        day.with(java.time.DayOfWeek.MONDAY).atStartOfDay(CleaningCompliance.CHINA).toInstant(),
                        day.plusDays(1).atStartOfDay(CleaningCompliance.CHINA).toInstant());
                result.add(new CheckIns(p.uscc(), p.name(), day, day, List.of(),
                        CleaningCompliance.days(plan, checkIns, day, day, now)));
            });
        }
        return result;
    }

    /**
     * Check-ins of one enterprise over China days, with the compliance of each day.
     *
     * @param uscc     enterprise
     * @param name     its name
     * @param from     first day
     * @param until    last day (inclusive)
     * @param checkIns the check-ins, oldest first
     * @param days     planned vs done per day; empty when the enterprise has no plan
     */
    public record CheckIns(String uscc, String name, LocalDate from, LocalDate until, List<CleaningCheckIn> checkIns,
                           List<CleaningCompliance.Day> days) {
    }

    private EnterpriseProfile visible(String uscc, Actor actor) {
        if (actor.kind() == Actor.Kind.CITY_NODE) {
            throw new CleaningForbiddenException("a city node does not read cleaning records");
        }
        String wanted = uscc == null && actor.kind() == Actor.Kind.ENTERPRISE ? actor.uscc() : uscc;
        if (wanted == null) {
            throw new CleaningRefusedException(List.of(new FieldError("uscc", "name the enterprise")));
        }
        return registry.findVisible(wanted, actor).orElseThrow(() -> new CleaningNotVisibleException(
                "no enterprise " + wanted + " in your scope"));
    }

    /** Stores and announces the cleaning plan of the actor's own enterprise. */
    @Transactional
    public CleaningPlan plan(CleaningPlan request, Actor actor) {
        EnterpriseProfile profile = own(actor);
        CleaningPlan plan = new CleaningPlan(profile.uscc(), profile.regionCode(), request.areas(), request.shifts(),
                clock.instant());
        List<FieldError> errors = problems(plan);
        if (!errors.isEmpty()) {
            throw new CleaningRefusedException(errors);
        }
        store.savePlan(plan);
        outbox.enqueue(Topics.CLEANING_PLANS, profile.uscc(), plan);
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

    /** A photo already used as evidence by this enterprise (409, code {@code DUPLICATE_PHOTO}). */
    public static class DuplicatePhotoException extends RuntimeException {
        private final List<String> hashes;

        public DuplicatePhotoException(List<String> hashes) {
            super("this photo was already used as evidence of an earlier check-in: " + hashes);
            this.hashes = List.copyOf(hashes);
        }

        public List<String> hashes() {
            return hashes;
        }
    }

    /** Unknown enterprise, outside the caller's scope, or no plan (404). */
    public static class CleaningNotVisibleException extends RuntimeException {
        public CleaningNotVisibleException(String message) {
            super(message);
        }
    }

    /** The caller is not an enterprise user of a registered enterprise. */
    public static class CleaningForbiddenException extends RuntimeException {
        public CleaningForbiddenException(String message) {
            super(message);
        }
    }
}
