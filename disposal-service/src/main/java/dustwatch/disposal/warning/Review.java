package dustwatch.disposal.warning;

import java.time.Instant;

/**
 * One regulator review (核查) of a warning's feedback.
 *
 * @param mode      remote or on site
 * @param accepted  true for 消警 (cleared), false for 驳回 (rejected)
 * @param remark    the regulator's remark, may be null when accepted
 * @param actor     username of the regulator
 * @param actorTier its tier
 * @param at        when
 */
public record Review(ReviewMode mode, boolean accepted, String remark, String actor, String actorTier, Instant at) {
}
