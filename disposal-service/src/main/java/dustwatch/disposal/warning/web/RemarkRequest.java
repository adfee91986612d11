package dustwatch.disposal.warning.web;

import dustwatch.disposal.warning.ReviewMode;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/warnings/{id}/clear} (消警, remark optional) and {@code …/reject} (驳回, remark required).
 *
 * @param remark     the verifier's remark, e.g. "checked by video: bags replaced"
 * @param reviewMode how the feedback was checked: REMOTE (default) or ON_SITE; recorded with the review
 */
public record RemarkRequest(
        @Size(max = 2000) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = TextRules.MESSAGE) String remark,
        ReviewMode reviewMode) {
}
