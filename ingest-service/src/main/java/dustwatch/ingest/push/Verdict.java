package dustwatch.ingest.push;

import dustwatch.contracts.reading.Heartbeat;
import dustwatch.contracts.reading.ReadingBatch;

import java.util.List;

/** What validation made of one message of a push: an event to keep, or the reasons it was refused. */
public sealed interface Verdict {

    /**
     * A valid message.
     *
     * @param msgId   the message id (receipt key)
     * @param uscc    the enterprise
     * @param msgType REALTIME, HEARTBEAT or FILING
     * @param event   a {@link ReadingBatch} for REALTIME, a {@link Heartbeat} for HEARTBEAT, a
     *                {@link dustwatch.contracts.filing.Filing} (SUBMITTED, no id yet) for FILING
     */
    record Valid(String msgId, String uscc, String msgType, Object event) implements Verdict {
    }

    /**
     * A refused message.
     *
     * @param index   position in the request's {@code messages} array, from 0
     * @param msgId   its msgId when one was readable, else null
     * @param reasons every reason, never empty
     */
    record Rejected(int index, String msgId, List<Reason> reasons) implements Verdict {
        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
