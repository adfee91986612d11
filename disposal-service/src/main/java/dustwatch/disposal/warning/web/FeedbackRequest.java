package dustwatch.disposal.warning.web;

import dustwatch.disposal.feedback.Cause;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/v1/warnings/{id}/feedback} (反馈) and {@code POST /api/v1/alarms/{id}/feedback}.
 *
 * @param cause    the cause category: REAL_HAZARD, PROCESS_FLUCTUATION, SENSOR_FAULT, MAINTENANCE, FALSE_ALARM
 * @param measures what was done about it, e.g. "filter bags replaced, pulse cleaning interval halved"
 * @param evidence optional references of evidence photos (at most 20)
 */
public record FeedbackRequest(
        @NotNull Cause cause,
        @NotBlank @Size(max = 4000) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = TextRules.MESSAGE) String measures,
        @Size(max = 20) List<@NotBlank @Size(max = 500) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = TextRules.MESSAGE) String> evidence) {
}
