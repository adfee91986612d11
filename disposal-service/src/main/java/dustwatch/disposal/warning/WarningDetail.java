package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.DisposalEvent;
import dustwatch.disposal.feedback.Feedback;

import java.util.List;

/**
 * A warning case with its timeline (处置记录), its structured feedback and reviews, and the history it carries
 * from the warnings it superseded (an upgraded warning keeps what was done about the lower one).
 *
 * @param warning  the case
 * @param timeline its events, oldest first
 * @param feedback its feedback submissions, oldest first
 * @param reviews  its regulator reviews, oldest first
 * @param history  the superseded predecessors, nearest first, each with its own timeline, feedback and reviews
 */
public record WarningDetail(WarningRecord warning, List<DisposalEvent> timeline, List<Feedback> feedback,
                            List<Review> reviews, List<WarningDetail> history) {
    public WarningDetail {
        timeline = List.copyOf(timeline);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public WarningDetail(WarningRecord warning, List<DisposalEvent> timeline) {
        this(warning, timeline, List.of(), List.of(), List.of());
    }
}
