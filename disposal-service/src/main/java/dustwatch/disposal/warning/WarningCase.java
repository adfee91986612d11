package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.region.RegionCode;
import dustwatch.contracts.region.Tier;
import dustwatch.contracts.scope.Actor;
import dustwatch.contracts.warning.Warning;
import dustwatch.disposal.feedback.Feedback;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static dustwatch.contracts.disposal.WarningState.CLEARED;
import static dustwatch.contracts.disposal.WarningState.FEEDBACK_SUBMITTED;
import static dustwatch.contracts.disposal.WarningState.ISSUED;
import static dustwatch.contracts.disposal.WarningState.SIGNED_IN;
import static dustwatch.contracts.disposal.WarningState.SUPERSEDED;

/**
 * A warning case (预警处置): the state machine of domain reference §4.2 over {@link WarningState}.
 * <pre>
 * ISSUED --signIn (签收)--> SIGNED_IN --submitFeedback (反馈)--> FEEDBACK_SUBMITTED --clear (消警)--> CLEARED
 *                               ^                                      |
 *                               +------------- reject (驳回) ----------+
 * any open state --supersede (a higher colour replaced it)--> SUPERSEDED
 * </pre>
 * Sign-in and feedback belong to the enterprise user of the warning's USCC; clear and reject to a regulator
 * whose tier is at or above the colour's verifying tier and whose region covers the enterprise (§4.3).
 * The regulator who verifies may not be the person who signed the warning in (签收与核查分离).
 * Every step checks who may take it ({@link TransitionForbidden}), then the current state
 * ({@link IllegalTransition}, naming both states), and returns the {@link DisposalEvent} it records.
 * Not thread-safe: load it under a row lock, change it, store it.
 */
public final class WarningCase {
    /** Actor name and tier of steps the platform takes itself. */
    public static final String SYSTEM = "system";
    static final String SYSTEM_TIER = "SYSTEM";

    private static final Set<WarningState> OPEN = EnumSet.of(ISSUED, SIGNED_IN, FEEDBACK_SUBMITTED);

    private final Clock clock;
    private WarningRecord record;

    private WarningCase(WarningRecord record, Clock clock) {
        this.record = record;
        this.clock = clock;
    }

    /**
     * A new case for a warning just received, in state ISSUED, with its verifying tier and deadlines from
     * {@code properties}.
     *
     * @throws IllegalArgumentException when the warning lacks an id, USCC, colour or issue time, or its region code is malformed
     */
    public static WarningCase issue(Warning warning, DisposalProperties properties, Clock clock) {
        if (warning.warningId() == null || warning.warningId().isBlank() || warning.uscc() == null
                || warning.uscc().isBlank() || warning.colour() == null || warning.issuedAt() == null) {
            throw new IllegalArgumentException("warning lacks warningId, uscc, colour or issuedAt: " + warning);
        }
        WarningRecord record = new WarningRecord(warning.warningId(), warning.uscc(), warning.enterpriseName(),
                RegionCode.of(warning.regionCode()), warning.colour(), warning.reason(), warning.hardTrigger(),
                warning.issuedAt(), warning.supersedes(), warning.configVersion(), ISSUED,
                properties.verifyingTier(warning.colour()), properties.deadlines(warning.colour(), warning.issuedAt()), 0,
                null);
        return new WarningCase(record, clock);
    }

    /** The case of a stored record. */
    public static WarningCase of(WarningRecord record, Clock clock) {
        return new WarningCase(record, clock);
    }

    /** The case's current data (state changed by the steps taken so far; version as loaded). */
    public WarningRecord record() {
        return record;
    }

    /** The ISSUE event of a case just created by {@link #issue}: by {@code system}, at the warning's issue time. */
    public DisposalEvent issued() {
        return new DisposalEvent(UUID.randomUUID().toString(), record.warningId(), record.uscc(),
                record.regionCode().value(), record.colour(), "ISSUE", null, ISSUED, SYSTEM, SYSTEM_TIER,
                record.reason(), record.issuedAt());
    }

    /**
     * 签收: the enterprise acknowledges the warning. ISSUED → SIGNED_IN.
     *
     * @throws TransitionForbidden unless {@code actor} is the enterprise user of this warning's USCC
     * @throws IllegalTransition   unless the case is ISSUED
     */
    public DisposalEvent signIn(Actor actor) {
        requireEnterprise(actor, "sign in");
        DisposalEvent event = move("SIGN_IN", "sign-in", EnumSet.of(ISSUED), SIGNED_IN, actor.username(),
                actor.tier().name(), null);
        record = record.withSignedInBy(actor.username());
        return event;
    }

    /**
     * 反馈: the enterprise reports the cause (a fixed category), the measures taken and evidence.
     * SIGNED_IN → FEEDBACK_SUBMITTED. The timeline note is {@link Feedback#summary()}.
     *
     * @throws TransitionForbidden unless {@code actor} is the enterprise user of this warning's USCC
     * @throws IllegalTransition   unless the case is SIGNED_IN
     */
    public DisposalEvent submitFeedback(Actor actor, Feedback feedback) {
        requireEnterprise(actor, "give feedback");
        return move("FEEDBACK", "feedback", EnumSet.of(SIGNED_IN), FEEDBACK_SUBMITTED, actor.username(),
                actor.tier().name(), feedback.summary());
    }

    /**
     * 消警: the verifying regulator accepts the feedback and closes the warning. FEEDBACK_SUBMITTED → CLEARED.
     *
     * @throws TransitionForbidden unless {@code actor} is a regulator at or above the verifying tier covering the enterprise
     * @throws IllegalTransition   unless the case is FEEDBACK_SUBMITTED
     */
    public DisposalEvent clear(Actor actor, String remark, ReviewMode mode) {
        requireVerifier(actor, "clear");
        return move("CLEAR", "clear", EnumSet.of(FEEDBACK_SUBMITTED), CLEARED, actor.username(), actor.tier().name(),
                reviewNote(mode, blankToNull(remark)));
    }

    /**
     * 驳回: the verifying regulator does not accept the feedback and sends it back. FEEDBACK_SUBMITTED → SIGNED_IN.
     *
     * @throws TransitionForbidden      unless {@code actor} is a regulator at or above the verifying tier covering the enterprise
     * @throws IllegalTransition        unless the case is FEEDBACK_SUBMITTED
     * @throws IllegalArgumentException when the remark (the reason for rejecting) is blank
     */
    public DisposalEvent reject(Actor actor, String remark, ReviewMode mode) {
        requireVerifier(actor, "reject");
        if (remark == null || remark.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a remark saying what is missing");
        }
        return move("REJECT", "reject", EnumSet.of(FEEDBACK_SUBMITTED), SIGNED_IN, actor.username(),
                actor.tier().name(), reviewNote(mode, remark.strip()));
    }

    private static String reviewNote(ReviewMode mode, String remark) {
        String how = "review: " + (mode == null ? ReviewMode.REMOTE : mode);
        return remark == null ? how : how + "; " + remark;
    }

    /**
     * A higher colour replaced this warning (domain reference §3.2 hysteresis): any open state → SUPERSEDED, by {@code system}.
     *
     * @param replacedBy id of the replacing warning (recorded as the note), may be null
     * @throws IllegalTransition when the case is already CLEARED or SUPERSEDED
     */
    public DisposalEvent supersede(String replacedBy) {
        return move("SUPERSEDE", "supersede", OPEN, SUPERSEDED, SYSTEM, SYSTEM_TIER,
                replacedBy == null ? null : "superseded by " + replacedBy);
    }

    private void requireEnterprise(Actor actor, String what) {
        if (actor.kind() != Actor.Kind.ENTERPRISE || !record.uscc().equals(actor.uscc())) {
            throw new TransitionForbidden("only the enterprise user of " + record.uscc() + " may " + what
                    + " warning " + record.warningId());
        }
    }

    private void requireVerifier(Actor actor, String what) {
        Tier needed = record.verifyingTier();
        if (actor.kind() != Actor.Kind.REGULATOR) {
            throw new TransitionForbidden("only a regulator of tier " + needed + " or above may " + what + " a "
                    + record.colour() + " warning");
        }
        if (!actor.tier().atOrAbove(needed)) {
            throw new TransitionForbidden(actor.username() + " is of tier " + actor.tier() + "; a " + record.colour()
                    + " warning is verified at tier " + needed + " or above");
        }
        if (!actor.region().covers(record.regionCode())) {
            throw new TransitionForbidden("region " + actor.region() + " does not cover region " + record.regionCode()
                    + " of enterprise " + record.uscc());
        }
        if (actor.username().equals(record.signedInBy())) {
            throw new TransitionForbidden(actor.username() + " signed warning " + record.warningId()
                    + " in and may not also " + what + " it: the verifier must be someone else");
        }
    }

    private DisposalEvent move(String action, String verb, Set<WarningState> from, WarningState to, String actor,
                               String actorTier, String note) {
        WarningState current = record.state();
        if (!from.contains(current)) {
            throw new IllegalTransition(record.warningId(), verb, current, from);
        }
        record = record.withState(to);
        return new DisposalEvent(UUID.randomUUID().toString(), record.warningId(), record.uscc(),
                record.regionCode().value(), record.colour(), action, current, to, actor, actorTier, note,
                clock.instant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
