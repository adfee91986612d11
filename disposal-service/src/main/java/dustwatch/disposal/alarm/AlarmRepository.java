package dustwatch.disposal.alarm;

import dustwatch.contracts.region.RegionCode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where alarm cases are kept. Implemented by {@code persistence.JdbcAlarmRepository}; callers hold a transaction. */
public interface AlarmRepository {

    /** Stores a new case; false when one with its id exists. */
    boolean insertIfAbsent(AlarmRecord record);

    Optional<AlarmRecord> find(String alarmId);

    /** The case, its row locked until the transaction ends. */
    Optional<AlarmRecord> findForUpdate(String alarmId);

    /**
     * Stores state, sign-in, recovery and feedback of a case loaded at {@code record.version()}.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when changed meanwhile
     */
    void update(AlarmRecord record);

    /** Appends to the case's append-only record. */
    void append(String alarmId, AlarmStep step);

    /** The record of a case, oldest first. */
    List<AlarmStep> steps(String alarmId);

    /**
     * Compare-and-set: marks the sign-in ({@code feedback=false}) or feedback SLA breach announced at {@code at},
     * only if it was not yet.
     *
     * @return false when it was already announced
     */
    boolean markOverdue(String alarmId, boolean feedback, Instant at);

    /**
     * Ids of cases whose sign-in SLA (not signed in, recovered or closed by {@code signInDue}) or feedback SLA
     * (not closed by {@code feedbackDue}) passed by {@code now} and is not yet announced.
     */
    List<String> breachCandidates(Instant now, int limit);

    /** Cases of one enterprise ({@code uscc} set) or under a region, newest start first. */
    List<AlarmRecord> list(String uscc, RegionCode region, AlarmState state, int limit);
}
