package dustwatch.disposal.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One feedback (反馈) of an enterprise: why it happened, what was done, and references to evidence photos.
 *
 * @param cause    the cause category
 * @param measures what was done, e.g. "停机清灰，检查卸灰阀"
 * @param evidence references of evidence photos (e.g. object-store keys or URLs), may be empty
 * @param actor    username of the enterprise user who gave it
 * @param at       when
 * @throws IllegalArgumentException when the cause is missing, the measures are blank or there are more than 20 evidence items
 */
public record Feedback(Cause cause, String measures, List<String> evidence, String actor, Instant at) {
    public Feedback {
        if (cause == null) {
            throw new IllegalArgumentException("feedback needs a cause, one of " + List.of(Cause.values()));
        }
        if (measures == null || measures.isBlank()) {
            throw new IllegalArgumentException("feedback needs the measures taken");
        }
        measures = measures.strip();
        evidence = evidence == null ? List.of() : evidence.stream().filter(e -> e != null && !e.isBlank())
                .map(String::strip).toList();
        if (evidence.size() > 20) {
            throw new IllegalArgumentException("at most 20 evidence items, got " + evidence.size());
        }
    }

    /** The one-line form written to the timeline, e.g. "cause: REAL_HAZARD; measures: …; evidence: 2". */
    public String summary() {
        return "cause: " + cause + "; measures: " + measures + (evidence.isEmpty() ? "" : "; evidence: " + evidence.size());
    }
}
