package dustwatch.ingest.push;

import java.util.List;

/**
 * The answer to one push.
 *
 * @param accepted   messages newly accepted and produced
 * @param duplicates messages whose msgId had been accepted before (acknowledged, not produced again)
 * @param rejected   refused messages with their reasons (empty when all were good)
 */
public record PushOutcome(int accepted, int duplicates, List<Verdict.Rejected> rejected) {
    public PushOutcome {
        rejected = List.copyOf(rejected);
    }
}
