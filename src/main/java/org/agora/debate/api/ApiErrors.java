package org.agora.debate.api;

import java.util.Set;
import org.agora.debate.DebateException;
import org.agora.shared.api.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The threads API's own errors: a {@link DebateException} becomes a problem with its message key as
 * {@code code} (and the {@code field} it is about). Everything else (bad JSON, parameters, {@code ApiException})
 * is answered by the shared {@code org.agora.shared.api.ApiErrorAdvice}, which is asked after this one.
 */
@RestControllerAdvice(basePackageClasses = ThreadApi.class)
@Order(0)
class ApiErrors {
    private static final Set<String> NOT_FOUND = Set.of("topic.notFound", "post.notFound");

    @ExceptionHandler(DebateException.class)
    ResponseEntity<ProblemDetail> debate(DebateException e) {
        HttpStatus status = NOT_FOUND.contains(e.messageKey()) ? HttpStatus.NOT_FOUND
                : "post.changedElsewhere".equals(e.messageKey()) ? HttpStatus.CONFLICT
                : "post.tooFast".equals(e.messageKey()) ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.BAD_REQUEST;
        var problem = Problems.of(status, e.messageKey(), e.args());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.TOO_MANY_REQUESTS && e.args().length > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.args()[0]));
        }
        return response.body(problem);
    }
}
