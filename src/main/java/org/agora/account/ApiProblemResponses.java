package org.agora.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.agora.shared.i18n.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers when a token is missing, invalid or not allowed to write: RFC 9457 problem details with
 * a {@code code} (the message key) and the RFC 6750 {@code WWW-Authenticate} challenge. Same shape as the
 * problems the API's controllers return (no {@code type}: absent means {@code about:blank}).
 */
final class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final JsonMapper json;

    ApiProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean sentToken = ApiTokenFilter.hasBearerToken(request);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                sentToken ? "Bearer realm=\"agora\", error=\"invalid_token\"" : "Bearer realm=\"agora\"");
        write(request, response, HttpStatus.UNAUTHORIZED, sentToken ? "api.tokenInvalid" : "api.tokenRequired");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"agora\", error=\"insufficient_scope\", scope=\"WRITE\"");
        write(request, response, HttpStatus.FORBIDDEN, "api.writeScopeRequired");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", Messages.get(Locale.ENGLISH, code));
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
