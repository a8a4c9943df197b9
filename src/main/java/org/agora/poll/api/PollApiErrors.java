package org.agora.poll.api;

import java.util.Set;
import org.agora.poll.PollException;
import org.agora.shared.api.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The poll API's own errors: a {@link PollException} becomes a problem whose {@code code} is its message key.
 * Asked before the shared {@code ApiErrorAdvice}, which answers everything else.
 */
@RestControllerAdvice(assignableTypes = PollApi.class)
@Order(0)
class PollApiErrors {
    private static final Set<String> NOT_FOUND = Set.of("poll.notFound", "ballot.none");
    private static final Set<String> CONFLICT = Set.of("poll.closed", "poll.draft", "poll.tryAgain");

    @ExceptionHandler(PollException.class)
    ResponseEntity<ProblemDetail> poll(PollException e) {
        HttpStatus status = NOT_FOUND.contains(e.messageKey()) ? HttpStatus.NOT_FOUND
                : CONFLICT.contains(e.messageKey()) ? HttpStatus.CONFLICT
                : "ballot.tooFast".equals(e.messageKey()) ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.BAD_REQUEST;
        var response = ResponseEntity.status(status);
        if (status == HttpStatus.TOO_MANY_REQUESTS && e.args().length > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.args()[0]));
        }
        return response.body(Problems.of(status, e.messageKey(), e.args()));
    }
}
