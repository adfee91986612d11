package dustwatch.disposal.warning.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import dustwatch.disposal.feedback.Cause;
import dustwatch.disposal.warning.ReviewMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Feedback and remarks refuse control characters (a NUL was a 500) but keep line breaks. */
class RequestTextTest {
    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aNulInTheCauseOrARemarkIsAFieldError() {
        Set<ConstraintViolation<FeedbackRequest>> feedback = validator.validate(new FeedbackRequest(Cause.REAL_HAZARD, "停机\u0000清灰", List.of("photo-1")));
        assertThat(feedback).extracting(v -> v.getPropertyPath().toString()).containsExactly("measures");
        assertThat(feedback).extracting(ConstraintViolation::getMessage).containsExactly(TextRules.MESSAGE);
        assertThat(validator.validate(new RemarkRequest("ok\u001b[31m", null))).hasSize(1);
    }

    @Test
    void aFeedbackWithoutCauseOrWithAControlCharacterInEvidenceIsRefused() {
        assertThat(validator.validate(new FeedbackRequest(null, "停机清灰", null)))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("cause");
        assertThat(validator.validate(new FeedbackRequest(Cause.SENSOR_FAULT, "更换传感器", List.of("p\u0000")))).hasSize(1);
    }

    @Test
    void lineBreaksAndTabsArePlainText() {
        assertThat(validator.validate(new FeedbackRequest(Cause.REAL_HAZARD, "1. 停机清灰\n2.\t更换卸灰阀", null))).isEmpty();
        assertThat(validator.validate(new RemarkRequest(null, ReviewMode.ON_SITE))).isEmpty();
    }
}
