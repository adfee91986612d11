package dustwatch.support.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The error page ({@code /error}) as a problem instead of Spring Boot's plain JSON map: what the framework
 * refuses with {@code sendError} (an unknown path 404, a 405) and what reaches the servlet container's error
 * dispatch. A 5xx names no internals. Not part of the API document.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null
                ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String detail = switch (status) {
            case NOT_FOUND -> "No endpoint " + request.getMethod() + " " + path;
            case METHOD_NOT_ALLOWED -> "Method " + request.getMethod() + " is not allowed on " + path;
            default -> status.is5xxServerError() ? "The service failed to handle the request." : "The request was refused.";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypeAdvice.BLANK);
        try {
            problem.setInstance(URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            // a path the container let through but URI refuses: leave instance out
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
