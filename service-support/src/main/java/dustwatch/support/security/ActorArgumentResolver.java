package dustwatch.support.security;

import dustwatch.contracts.scope.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the calling {@link Actor} as a parameter.
 *
 * @throws AccessDeniedException (answered 403) when the request carries no JWT or its claims name no actor
 */
public final class ActorArgumentResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedException("no bearer token");
        }
        try {
            return Actor.fromClaims(token.getToken().getClaims());
        } catch (IllegalArgumentException e) {
            throw new AccessDeniedException("token names no dustwatch actor: " + e.getMessage());
        }
    }
}
