package org.agora.embed;

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

/** The embed API's own errors as problem details; asked before the shared {@code ApiErrorAdvice}. */
@RestControllerAdvice(assignableTypes = {EmbedApi.class, OEmbedController.class})
@Order(0)
class EmbedApiErrors {
    private static final Set<String> NOT_FOUND = Set.of("poll.notFound");
    private static final Set<String> CONFLICT = Set.of("poll.closed", "poll.draft", "embed.anonymousOff");

    @ExceptionHandler(PollException.class)
    ResponseEntity<ProblemDetail> poll(PollException e) {
        HttpStatus status = NOT_FOUND.contains(e.messageKey()) ? HttpStatus.NOT_FOUND
                : CONFLICT.contains(e.messageKey()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Problems.of(status, e.messageKey(), e.args()));
    }

    @ExceptionHandler(EmbedThrottle.TooFast.class)
    ResponseEntity<ProblemDetail> tooFast(EmbedThrottle.TooFast e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "embed.tooFast", e.retryAfterSeconds));
    }
}
