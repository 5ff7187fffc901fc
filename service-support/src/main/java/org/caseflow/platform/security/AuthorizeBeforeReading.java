package org.caseflow.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an endpoint's {@code @PreAuthorize} before its request body is read: method security alone runs after Spring
 * has parsed and validated the body, so a caller without the role would learn the body's rules from a 400. Here the
 * wrong role is a 403 whatever it sends (the method security check still runs as well).
 */
public final class AuthorizeBeforeReading implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(org.springframework.security.access.prepost.PreAuthorize.class)) {
            var decision = preAuthorize.authorize(() -> SecurityContextHolder.getContext().getAuthentication(),
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            if (decision != null && !decision.isGranted()) {
                throw new AccessDeniedException("Your role may not do this.");
            }
        }
        return true;
    }
}
