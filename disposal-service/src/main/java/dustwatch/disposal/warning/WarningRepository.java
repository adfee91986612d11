package dustwatch.disposal.warning;

import dustwatch.contracts.disposal.WarningState;
import dustwatch.contracts.risk.Colour;

import dustwatch.disposal.feedback.Feedback;

import java.util.List;
import java.util.Optional;

/** Where warning cases are kept. Implemented by {@code persistence.JdbcWarningRepository}; callers hold a transaction. */
public interface WarningRepository {

    /** Stores a new case; false (and nothing changed) when a case with its id already exists. */
    boolean insertIfAbsent(WarningRecord record);

    /** The case with this id, or empty. */
    Optional<WarningRecord> find(String warningId);

    /** The case with this id, its row locked until the transaction ends, or empty. */
    Optional<WarningRecord> findForUpdate(String warningId);

    /**
     * Stores the new state of a case loaded at {@code record.version()} and increments its version.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when another transaction changed it meanwhile
     */
    void updateState(WarningRecord record);

    /** Records one feedback (反馈) of a case. */
    void addFeedback(String warningId, Feedback feedback);

    /** The feedback given on a case, oldest first. */
    List<Feedback> feedbackOf(String warningId);

    /** Records one regulator review (核查) of a case. */
    void addReview(String warningId, Review review);

    /** The reviews of a case, oldest first. */
    List<Review> reviewsOf(String warningId);

    /** Cases matching {@code query}, newest issue time first, at most {@code query.limit()}. */
    List<WarningRecord> list(Query query);

    /**
     * A list query. Exactly one of {@code uscc} and {@code regionPrefix} is set.
     *
     * @param uscc         only this enterprise's cases, or null
     * @param regionPrefix only cases whose region code starts with this, or null
     * @param state        only this state, or null for all
     * @param colour       only this colour, or null for all
     * @param limit        maximum number of rows
     */
    record Query(String uscc, String regionPrefix, WarningState state, Colour colour, int limit) {
    }
}
