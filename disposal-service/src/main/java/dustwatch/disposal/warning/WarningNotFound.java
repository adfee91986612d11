package dustwatch.disposal.warning;

/** No warning with this id exists in the caller's scope (answered 404; scope never leaks existence). */
public final class WarningNotFound extends RuntimeException {
    public WarningNotFound(String warningId) {
        super("no warning " + warningId);
    }
}
