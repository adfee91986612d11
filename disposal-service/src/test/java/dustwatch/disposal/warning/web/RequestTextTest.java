package dustwatch.disposal.warning.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Feedback and remarks refuse control characters (a NUL was a 500) but keep line breaks. */
class RequestTextTest {
    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aNulInTheCauseOrARemarkIsAFieldError() {
        Set<ConstraintViolation<FeedbackRequest>> feedback = validator.validate(new FeedbackRequest("灰斗\u0000积尘", "停机清灰"));
        assertThat(feedback).extracting(v -> v.getPropertyPath().toString()).containsExactly("cause");
        assertThat(feedback).extracting(ConstraintViolation::getMessage).containsExactly(TextRules.MESSAGE);
        assertThat(validator.validate(new RemarkRequest("ok\u001b[31m"))).hasSize(1);
    }

    @Test
    void lineBreaksAndTabsArePlainText() {
        assertThat(validator.validate(new FeedbackRequest("灰斗积尘\r\n卸灰阀卡阻", "1. 停机清灰\n2.\t更换卸灰阀"))).isEmpty();
        assertThat(validator.validate(new RemarkRequest(null))).isEmpty();
    }
}
