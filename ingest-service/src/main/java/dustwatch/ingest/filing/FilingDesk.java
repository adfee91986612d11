package dustwatch.ingest.filing;

import dustwatch.contracts.enterprise.EnterpriseProfile;
import dustwatch.contracts.filing.FilingKind;
import dustwatch.contracts.filing.FilingStatus;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.topic.Topics;
import dustwatch.ingest.filing.persistence.FilingRepository;
import dustwatch.ingest.platform.Outbox;
import dustwatch.ingest.registry.FieldError;
import dustwatch.ingest.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps filings (报备, domain reference §2.4 FILING, §2.6) and runs their lifecycle ({@link FilingLifecycle}). An
 * enterprise user files for its own enterprise: the filing is SUBMITTED, waiting for its town or district. A town
 * or district regulator covering the enterprise approves or rejects it (who, tier and when are recorded), or enters
 * it APPROVED at once. The enterprise withdraws it before a decision or ends it early once approved; it expires by
 * itself at its planned end (shown EXPIRED on read). Every stored change is announced on {@code dust.filing}
 * through the outbox in the same database transaction, so a broker outage delays the event and never half-applies
 * a change; the risk engine applies what it reads there.
 */
@Service
public class FilingDesk {
    /** The longest window a filing may declare. */
    static final Duration MAX_WINDOW = Duration.ofDays(90);
    /** The most filings one list answers. */
    static final int MAX_LIST = 500;
    private final Registry registry;
    private final FilingRepository filings;
    private final Outbox outbox;
    private final Clock clock;

    public FilingDesk(Registry registry, FilingRepository filings, Outbox outbox, Clock clock) {
        this.registry = registry;
        this.filings = filings;
        this.outbox = outbox;
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
        if (!text(r.reason())) {
            errors.add(new FieldError("reason", "1–500 characters without control characters"));
        }
        return errors;
    }

    private static boolean text(String s) {
        return s != null && !s.isBlank() && s.length() <= 500 && s.chars().noneMatch(Character::isISOControl);
    }

    /**
     * Validates, stores and announces a filing entered through the API.
     *
     * @return the stored filing
     * @throws FilingRefusedException      with the field errors when invalid (also a planned end already past)
     * @throws FilingNotVisibleException   when the enterprise is unknown or outside the caller's scope
     * @throws FilingForbiddenException    when the caller may neither file nor approve (a city or province)
     */
    @Transactional
    public StoredFiling file(FilingRequest request, Actor actor) {
        String uscc = request.uscc() != null ? request.uscc() : actor.uscc();
        Optional<EnterpriseProfile> profile = uscc == null ? Optional.empty() : registry.find(uscc)
                .filter(p -> p.regionCode() != null && actor.canSee(p.uscc(), RegionCode.of(p.regionCode())));
        if (profile.isEmpty()) {
            throw new FilingNotVisibleException(uscc);
        }
        boolean approver = approver(actor);
        if (actor.kind() != Actor.Kind.ENTERPRISE && !approver) {
            throw new FilingForbiddenException("only the enterprise files and only its town or district approves");
        }
        Instant now = clock.instant();
        List<FieldError> errors = problems(request, profile.get());
        if (errors.isEmpty() && !request.plannedEnd().isAfter(now)) {
            errors = List.of(new FieldError("plannedEnd", "already past: a filing declares a window that has not ended"));
        }
        if (!errors.isEmpty()) {
            throw new FilingRefusedException(errors);
        }
        StoredFiling filing = new StoredFiling(UUID.randomUUID().toString(), uscc, profile.get().regionCode(),
                request.kind(), request.collectorCode(), request.start(), request.plannedEnd(), request.reason(),
                approver ? FilingStatus.APPROVED : FilingStatus.SUBMITTED, "API", null, actor.username(), now,
                approver ? actor.username() : null, approver ? actor.tier().name() : null, approver ? now : null, null,
                null, now);
        filings.insert(filing);
        outbox.enqueue(Topics.FILINGS, uscc, filing.event());
        return filing;
    }

    /**
     * Stores and announces a filing that arrived as a city node's FILING message (already validated); the same
     * message again (same enterprise and msgId) is the stored filing, not a second one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFiling fileFromNode(StoredFiling filing) {
        Optional<StoredFiling> earlier = filings.findByMsgId(filing.uscc(), filing.msgId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        filings.insert(filing);
        outbox.enqueue(Topics.FILINGS, filing.uscc(), filing.event());
        return filing;
    }

    /**
     * The filings the caller may see, newest first: a regulator's region, an enterprise user's own.
     *
     * @param state shown state to keep (EXPIRED included), null for all
     * @param uscc  one enterprise, null for all
     * @throws FilingForbiddenException for a city node
     */
    public List<StoredFiling> list(Actor actor, FilingStatus state, String uscc) {
        if (actor.kind() == Actor.Kind.CITY_NODE) {
            throw new FilingForbiddenException("a city node does not read filings");
        }
        String prefix = significant(actor.region());
        if (actor.kind() == Actor.Kind.ENTERPRISE) {
            if (uscc != null && !uscc.equals(actor.uscc())) {
                return List.of();
            }
            uscc = actor.uscc();
            prefix = "";
        }
        Instant now = clock.instant();
        return filings.list(prefix, uscc, MAX_LIST).stream()
                .filter(f -> actor.canSee(f.uscc(), RegionCode.of(f.regionCode())))
                .map(f -> f.shownAt(now))
                .filter(f -> state == null || f.status() == state)
                .toList();
    }

    /** The filing {@code id} as shown now; {@link FilingNotVisibleException} when unknown or outside the caller's scope. */
    public StoredFiling get(String id, Actor actor) {
        return visible(id, actor, false).shownAt(clock.instant());
    }

    /** 审批通过: a town or district regulator covering the enterprise approves a SUBMITTED filing. */
    @Transactional
    public StoredFiling approve(String id, Actor actor) {
        return decide(id, actor, FilingLifecycle.Transition.APPROVE, null);
    }

    /** 驳回: a town or district regulator covering the enterprise rejects a SUBMITTED filing, with a remark. */
    @Transactional
    public StoredFiling reject(String id, Actor actor, String remark) {
        return decide(id, actor, FilingLifecycle.Transition.REJECT, remark);
    }

    /** 撤回: the enterprise withdraws its SUBMITTED filing. */
    @Transactional
    public StoredFiling withdraw(String id, Actor actor) {
        return close(id, actor, FilingLifecycle.Transition.WITHDRAW);
    }

    /** 提前结束: the enterprise ends its APPROVED filing before the planned end; the engine stops suppressing. */
    @Transactional
    public StoredFiling end(String id, Actor actor) {
        return close(id, actor, FilingLifecycle.Transition.END);
    }

    private StoredFiling decide(String id, Actor actor, FilingLifecycle.Transition transition, String remark) {
        StoredFiling f = visible(id, actor, true);
        if (!approver(actor)) {
            throw new FilingForbiddenException("only a town or district regulator covering the enterprise decides a filing");
        }
        if (transition == FilingLifecycle.Transition.REJECT && !text(remark)) {
            throw new FilingRefusedException(List.of(new FieldError("remark", "1–500 characters without control characters")));
        }
        Instant now = checked(f, transition);
        return apply(new StoredFiling(f.filingId(), f.uscc(), f.regionCode(), f.kind(), f.collectorCode(), f.start(),
                f.plannedEnd(), f.reason(), transition.target(), f.source(), f.msgId(), f.filedBy(), f.filedAt(),
                actor.username(), actor.tier().name(), now, remark, null, now));
    }

    private StoredFiling close(String id, Actor actor, FilingLifecycle.Transition transition) {
        StoredFiling f = visible(id, actor, true);
        if (actor.kind() != Actor.Kind.ENTERPRISE) {
            throw new FilingForbiddenException("only the enterprise withdraws or ends its own filing");
        }
        Instant now = checked(f, transition);
        return apply(new StoredFiling(f.filingId(), f.uscc(), f.regionCode(), f.kind(), f.collectorCode(), f.start(),
                f.plannedEnd(), f.reason(), transition.target(), f.source(), f.msgId(), f.filedBy(), f.filedAt(),
                f.decidedBy(), f.decidedTier(), f.decidedAt(), f.remark(), now, now));
    }

    private Instant checked(StoredFiling f, FilingLifecycle.Transition transition) {
        Instant now = clock.instant();
        FilingStatus shown = FilingLifecycle.shown(f.status(), f.plannedEnd(), now);
        if (!FilingLifecycle.allows(shown, transition)) {
            throw new IllegalTransitionException(f.filingId(), shown, transition.target());
        }
        return now;
    }

    private StoredFiling apply(StoredFiling changed) {
        filings.updateState(changed);
        outbox.enqueue(Topics.FILINGS, changed.uscc(), changed.event());
        return changed;
    }

    private StoredFiling visible(String id, Actor actor, boolean lock) {
        return filings.find(id, lock)
                .filter(f -> actor.canSee(f.uscc(), RegionCode.of(f.regionCode())))
                .orElseThrow(() -> new FilingNotVisibleException("no filing " + id + " in your scope", true));
    }

    private static boolean approver(Actor actor) {
        return actor.kind() == Actor.Kind.REGULATOR && (actor.tier() == Tier.TOWN || actor.tier() == Tier.DISTRICT);
    }

    /** The region-code prefix every code inside {@code region} starts with. */
    private static String significant(RegionCode region) {
        String v = region.value();
        return switch (region.tier()) {
            case PROVINCE -> v.substring(0, 2);
            case CITY -> v.substring(0, 4);
            default -> v;
        };
    }

    /** The transition does not leave the filing's state (409): both states are named. */
    public static class IllegalTransitionException extends RuntimeException {
        private final FilingStatus from;
        private final FilingStatus to;

        public IllegalTransitionException(String filingId, FilingStatus from, FilingStatus to) {
            super("filing " + filingId + " is " + from + "; it cannot become " + to);
            this.from = from;
            this.to = to;
        }

        public FilingStatus from() {
            return from;
        }

        public FilingStatus to() {
            return to;
        }
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

        FilingNotVisibleException(String message, boolean plain) {
            super(message);
        }
    }

    /** The caller may not file. */
    public static class FilingForbiddenException extends RuntimeException {
        public FilingForbiddenException(String message) {
            super(message);
        }
    }
}
