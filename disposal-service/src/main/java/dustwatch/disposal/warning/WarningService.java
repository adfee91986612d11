package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.risk.Colour;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.warning.Warning;
import dustwatch.disposal.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.feedback.Feedback;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The use cases of warning disposal (预警处置). Every transition runs in one database transaction that locks
 * the case's row, stores its new state, appends the event to the timeline and to the outbox, so that the
 * three never disagree and ten parallel clears give exactly one success.
 */
@Service
public class WarningService {
    private static final Logger log = LoggerFactory.getLogger(WarningService.class);
    private static final int MAX_HISTORY = 10;

    private final WarningRepository warnings;
    private final Timeline timeline;
    private final Outbox outbox;
    private final DisposalProperties properties;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    public WarningService(WarningRepository warnings, Timeline timeline, Outbox outbox, DisposalProperties properties,
                          Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.warnings = warnings;
        this.timeline = timeline;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a case for a warning from the risk engine, with an ISSUE timeline entry; when it supersedes an open
     * warning of the same enterprise, marks that one SUPERSEDED. Idempotent on {@code warningId}.
     *
     * @return false when the warning was already known (a redelivery): nothing is changed
     * @throws IllegalArgumentException when the warning is malformed (see {@link WarningCase#issue})
     */
    @Transactional
    public boolean receive(Warning warning) {
        WarningCase issued = WarningCase.issue(warning, properties, clock);
        if (!warnings.insertIfAbsent(issued.record())) {
            log.debug("warning {} already known, redelivery ignored", warning.warningId());
            return false;
        }
        record(issued.issued());
        events.publishEvent(new WarningOpened(issued.record()));
        if (warning.supersedes() != null) {
            warnings.findForUpdate(warning.supersedes())
                    .filter(old -> old.uscc().equals(warning.uscc()) && !old.state().closed())
                    .ifPresent(old -> {
                        WarningCase replaced = WarningCase.of(old, clock);
                        DisposalEvent event = replaced.supersede(warning.warningId());
                        warnings.updateState(replaced.record());
                        record(event);
                    });
        }
        return true;
    }

    /**
     * The cases the actor may see, newest first: a regulator those whose region its own covers, an enterprise
     * user its own.
     *
     * @param state  only this state, or null
     * @param colour only this colour, or null
     * @param limit  at most this many (1..1000)
     */
    @Transactional(readOnly = true)
    public List<WarningRecord> list(Actor actor, WarningState state, Colour colour, int limit) {
        WarningRepository.Query query = actor.kind() == Actor.Kind.ENTERPRISE
                ? new WarningRepository.Query(actor.uscc(), null, state, colour, limit)
                : new WarningRepository.Query(null, regionPrefix(actor.region()), state, colour, limit);
        return warnings.list(query).stream().filter(w -> visible(actor, w)).toList();
    }

    /**
     * A case with its timeline.
     *
     * @throws WarningNotFound when there is no such case in the actor's scope
     */
    @Transactional(readOnly = true)
    public WarningDetail detail(Actor actor, String warningId) {
        WarningRecord warning = warnings.find(warningId).filter(w -> visible(actor, w))
                .orElseThrow(() -> new WarningNotFound(warningId));
        List<WarningDetail> history = new java.util.ArrayList<>();
        String previous = warning.supersedes();
        while (previous != null && history.size() < MAX_HISTORY) {
            WarningRecord old = warnings.find(previous).filter(w -> w.uscc().equals(warning.uscc())).orElse(null);
            if (old == null) {
                break;
            }
            history.add(own(old, List.of()));
            previous = old.supersedes();
        }
        return own(warning, history);
    }

    /**
     * A case with its timeline, feedback and reviews, for a caller that already checked scope (reports, the
     * escalation ladder's evidence pack).
     *
     * @throws WarningNotFound when there is no such case
     */
    @Transactional(readOnly = true)
    public WarningDetail detail(String warningId) {
        return own(warnings.find(warningId).orElseThrow(() -> new WarningNotFound(warningId)), List.of());
    }

    private WarningDetail own(WarningRecord w, List<WarningDetail> history) {
        return new WarningDetail(w, timeline.of(w.warningId()), warnings.feedbackOf(w.warningId()),
                warnings.reviewsOf(w.warningId()), history);
    }

    /** 签收, see {@link WarningCase#signIn}; returns the case after the step. @throws WarningNotFound outside scope */
    @Transactional
    public WarningRecord signIn(Actor actor, String warningId) {
        return transition(actor, warningId, c -> c.signIn(actor));
    }

    /** 反馈, see {@link WarningCase#submitFeedback}; returns the case after the step. @throws WarningNotFound outside scope */
    @Transactional
    public WarningRecord submitFeedback(Actor actor, String warningId, Cause cause, String measures,
                                        List<String> evidence) {
        Feedback feedback = new Feedback(cause, measures, evidence, actor.username(), clock.instant());
        WarningRecord after = transition(actor, warningId, c -> c.submitFeedback(actor, feedback));
        warnings.addFeedback(warningId, feedback);
        return after;
    }

    /** 消警, see {@link WarningCase#clear}; returns the case after the step. @throws WarningNotFound outside scope */
    @Transactional
    public WarningRecord clear(Actor actor, String warningId, String remark, ReviewMode mode) {
        WarningRecord after = transition(actor, warningId, c -> c.clear(actor, remark, mode));
        warnings.addReview(warningId, review(actor, mode, true, remark));
        return after;
    }

    /** 驳回, see {@link WarningCase#reject}; returns the case after the step. @throws WarningNotFound outside scope */
    @Transactional
    public WarningRecord reject(Actor actor, String warningId, String remark, ReviewMode mode) {
        WarningRecord after = transition(actor, warningId, c -> c.reject(actor, remark, mode));
        warnings.addReview(warningId, review(actor, mode, false, remark));
        return after;
    }

    private Review review(Actor actor, ReviewMode mode, boolean accepted, String remark) {
        return new Review(mode == null ? ReviewMode.REMOTE : mode, accepted,
                remark == null || remark.isBlank() ? null : remark.strip(), actor.username(), actor.tier().name(),
                clock.instant());
    }

    private WarningRecord transition(Actor actor, String warningId, Function<WarningCase, DisposalEvent> step) {
        WarningRecord loaded = warnings.findForUpdate(warningId).filter(w -> visible(actor, w))
                .orElseThrow(() -> new WarningNotFound(warningId));
        WarningCase warningCase = WarningCase.of(loaded, clock);
        DisposalEvent event = step.apply(warningCase);
        warnings.updateState(warningCase.record());
        record(event);
        return warningCase.record();
    }

    private void record(DisposalEvent event) {
        timeline.append(event);
        outbox.enqueue(event);
    }

    private static boolean visible(Actor actor, WarningRecord warning) {
        return actor.canSee(warning.uscc(), warning.regionCode());
    }

    /** The leading digits shared by every region code a regulator's region covers (see {@link RegionCode#covers}). */
    public static String regionPrefix(RegionCode region) {
        String value = region.value();
        return switch (region.tier()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case DISTRICT -> value.substring(0, 6);
            default -> value;
        };
    }
}
