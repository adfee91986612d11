package dustwatch.disposal.alarm;

/** No alarm case with this id in the caller's scope (404). */
public final class AlarmNotFound extends RuntimeException {
    public AlarmNotFound(String alarmId) {
        super("no alarm " + alarmId);
    }
}
