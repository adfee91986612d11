package dustwatch.disposal.alarm.web;

import dustwatch.disposal.alarm.AlarmNotFound;
import dustwatch.disposal.alarm.IllegalAlarmTransition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problems of the alarm API: 404 outside scope, 409 illegal transition naming both states. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlarmProblems {

    @ExceptionHandler(AlarmNotFound.class)
    ProblemDetail notFound(AlarmNotFound e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Alarm not found");
        return p;
    }

    @ExceptionHandler(IllegalAlarmTransition.class)
    ProblemDetail illegal(IllegalAlarmTransition e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Illegal transition");
        p.setProperty("currentState", e.current());
        p.setProperty("requiredStates", e.required().stream().map(Enum::name).sorted().toList());
        return p;
    }
}
