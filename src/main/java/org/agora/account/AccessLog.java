package org.agora.account;

import org.agora.shared.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;

/** Logs every denied request and method call (Vaadin view denials are logged by {@code ViewAccessLog}). */
@Component
class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("org.agora.security.access");

    @EventListener
    void onDenied(AuthorizationDeniedEvent<?> event) {
        var auth = event.getAuthentication().get();
        log.warn("access denied: user={} to={}", LogSafe.of(auth == null ? null : auth.getName()),
                LogSafe.of(describe(event.getSource())));
    }

    private static String describe(Object source) {
        if (source instanceof jakarta.servlet.http.HttpServletRequest request) {
            return request.getMethod() + " " + request.getRequestURI();
        }
        if (source instanceof org.aopalliance.intercept.MethodInvocation invocation) {
            return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
        }
        return String.valueOf(source);
    }
}
