package dustwatch.disposal.alarm;

import java.util.List;

/** An alarm case with its append-only record. */
public record AlarmDetail(AlarmRecord alarm, List<AlarmStep> steps) {
    public AlarmDetail {
        steps = List.copyOf(steps);
    }
}
