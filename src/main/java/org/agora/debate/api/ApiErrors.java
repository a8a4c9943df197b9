package org.agora.debate.api;

import java.util.Locale;
import java.util.Set;
import org.agora.debate.DebateException;
import org.agora.shared.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
 */
@RestControllerAdvice(basePackageClasses = ThreadApi.class)
class ApiErrors extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final Set<String> NOT_FOUND = Set.of("topic.notFound", "post.notFound");

    @ExceptionHandler(DebateException.class)
    ResponseEntity<ProblemDetail> debate(DebateException e) {
        HttpStatus status = NOT_FOUND.contains(e.messageKey()) ? HttpStatus.NOT_FOUND
                : "post.changedElsewhere".equals(e.messageKey()) ? HttpStatus.CONFLICT
                : "post.tooFast".equals(e.messageKey()) ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.BAD_REQUEST;
        var problem = problem(status, e.messageKey(), e.args());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.TOO_MANY_REQUESTS && e.args().length > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.args()[0]));
        }
        return response.body(problem);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(problem(e.status(), e.code(), e.args()));
    }

    /** Method security refused (the filter chain lets only WRITE tokens post, so this is a second line). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "api.forbidden"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("API request failed", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "api.internal"));
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

    private static ProblemDetail problem(HttpStatusCode status, String code, Object... args) {
        var problem = ProblemDetail.forStatusAndDetail(status, Messages.get(Locale.ENGLISH, code, args));
        problem.setProperty("code", code);
        return problem;
    }
}
