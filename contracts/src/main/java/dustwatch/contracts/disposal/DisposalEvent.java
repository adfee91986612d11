package dustwatch.contracts.disposal;

import dustwatch.contracts.region.Tier;
import dustwatch.contracts.risk.Colour;

import java.time.Instant;

/**
 * One transition of a warning's lifecycle, as recorded on its timeline (处置记录). The value on
 * {@code dust.disposal-events}, published through disposal-service's transactional outbox.
 *
 * @param eventId    id of this event (consumers are idempotent on it)
 * @param warningId  the warning
 * @param uscc       enterprise code
 * @param regionCode the enterprise's region
 * @param colour     the warning's colour
 * @param action     what happened, e.g. {@code SIGN_IN}, {@code FEEDBACK}, {@code CLEAR}
 * @param fromState  state before, null for the first event
 * @param toState    state after
 * @param actor      username of who did it ({@code system} for the platform)
 * @param actorTier  the actor's tier, e.g. DISTRICT, ENTERPRISE
 * @param note       free text (feedback measures, clearing remark), may be null
 * @param at         when it happened
 * @param alarmId    the alarm (报警) of an alarm-handling event ({@code ALARM_OVERDUE…}), else null
 * @param targetTier the tier that must act on an escalation step ({@code SUPERVISION_NOTICE…}), else null;
 *                   see {@link DisposalActions} for every action
 */
public record DisposalEvent(
        String eventId,
        String warningId,
        String uscc,
        String regionCode,
        Colour colour,
        String action,
        WarningState fromState,
        WarningState toState,
        String actor,
        String actorTier,
        String note,
        Instant at,
        String alarmId,
        Tier targetTier) {

    /** A warning lifecycle step (no alarm, no target tier). */
    public DisposalEvent(String eventId, String warningId, String uscc, String regionCode, Colour colour, String action,
                         WarningState fromState, WarningState toState, String actor, String actorTier, String note,
                         Instant at) {
        this(eventId, warningId, uscc, regionCode, colour, action, fromState, toState, actor, actorTier, note, at,
                null, null);
    }
}
