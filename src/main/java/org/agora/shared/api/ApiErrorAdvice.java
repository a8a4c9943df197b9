package org.agora.shared.api;

import java.util.Locale;
import org.agora.shared.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error is an RFC 9457 problem ({@code application/problem+json}) with a {@code code}: the message
 * key, stable for programs, and {@code detail}: the English message for people. Never a stack trace.
 * <p>
 * This advice knows no feature: it answers {@link ApiException}, refusals of method security and Spring MVC's
 * own errors for every {@link JsonApi} controller. A feature translates its own exceptions in an advice scoped to
 * its controllers; that advice must be ordered before this one (any {@code @Order} below the lowest
 * precedence), because Spring asks the advices in order and this one catches every {@link Exception}.
 */
@RestControllerAdvice(annotations = JsonApi.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrorAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.code(), e.args()));
    }

    /** Method security refused (the filter chain already checks token scopes, so this is a second line). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "api.forbidden"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("API request failed", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "api.internal"));
    }

    /** Spring MVC's own refusals (unreadable JSON, wrong parameter types, ...): the same shape, with a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String code = switch (ex) {
            case HttpMessageNotReadableException e -> "api.invalidJson";
            case TypeMismatchException e -> "api.invalidParameter";
            case MissingServletRequestParameterException e -> "api.invalidParameter";
            case HttpMediaTypeNotSupportedException e -> "api.unsupportedMediaType";
            case HttpMediaTypeNotAcceptableException e -> "api.notAcceptable";
            case HttpRequestMethodNotSupportedException e -> "api.methodNotAllowed";
            case NoResourceFoundException e -> "api.notFound";
            default -> status.is5xxServerError() ? "api.internal" : "api.badRequest";
        };
        if (status.is5xxServerError()) {
            log.error("API request failed", ex);
        }
        var problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        problem.setDetail(Messages.get(Locale.ENGLISH, code));
        problem.setProperty("code", code);
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }
}
