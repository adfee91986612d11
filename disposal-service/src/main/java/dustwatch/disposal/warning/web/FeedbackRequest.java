package dustwatch.disposal.warning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/warnings/{id}/feedback} (反馈).
 *
 * @param cause    what caused the warning, e.g. "bag filter blinded by resin dust"
 * @param measures what was done about it, e.g. "filter bags replaced, pulse cleaning interval halved"
 */
public record FeedbackRequest(
        @NotBlank @Size(max = 2000) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = TextRules.MESSAGE) String cause,
        @NotBlank @Size(max = 4000) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = TextRules.MESSAGE) String measures) {
}
