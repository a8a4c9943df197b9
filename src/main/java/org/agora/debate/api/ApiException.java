package org.agora.debate.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses before it reaches the debate services (bad cursor, limit, category filter). */
class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;

    ApiException(HttpStatus status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Object[] args() {
        return args.clone();
    }
}
