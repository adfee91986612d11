package dustwatch.support.problem;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.net.URI;

/**
 * A {@link ProblemDetail} written without a {@code type} (Spring Framework 7 leaves it out) gets
 * {@code about:blank} (RFC 9457 §4.2.1: no semantics beyond the status), so every problem a controller,
 * an exception handler or {@link ProblemErrorController} answers names its type.
 */
@ControllerAdvice
public class ProblemTypeAdvice implements ResponseBodyAdvice<Object> {
    static final URI BLANK = URI.create("about:blank");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(BLANK);
        }
        return body;
    }
}
