package dustwatch.disposal.warning;

/**
 * The caller sees the warning but may not take this step: the wrong kind of user, or a regulator below the
 * colour's verifying tier (answered 403). Domain reference §4.3.
 */
public final class TransitionForbidden extends RuntimeException {
    public TransitionForbidden(String message) {
        super(message);
    }
}
