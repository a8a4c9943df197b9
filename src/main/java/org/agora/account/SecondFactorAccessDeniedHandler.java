package org.agora.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A session between the password and the code is not anonymous to Spring Security (so it would get a 403 for a
 * page that needs a login); it is sent to the code page instead, which then leads on to the page asked for.
 * Everyone else gets Spring's usual 403.
 */
class SecondFactorAccessDeniedHandler implements AccessDeniedHandler {
    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PasswordOnlyAuthentication)) {
            otherwise.handle(request, response, denied);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            TwoFactorLogin.rememberTarget(request.getSession(false),
                    request.getQueryString() == null ? path : path + "?" + request.getQueryString());
        }
        response.sendRedirect(request.getContextPath() + "/login/code");
    }
}
