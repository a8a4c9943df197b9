package org.agora.shared.api;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses before it reaches a feature's services (bad cursor, limit or filter; results not
 * visible). Answered by {@link ApiErrorAdvice} as a problem with this status and {@code code} (a message key).
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;

    public ApiException(HttpStatus status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
