package org.agora.account;

import org.springframework.security.core.AuthenticationException;

/** Why a login was refused, beyond bad credentials. */
final class LoginExceptions {
    private LoginExceptions() {
    }

    /** Too many attempts from this address or for this account: try again later. */
    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("too many login attempts");
        }
    }

    /** Right password, but the email address was never confirmed. */
    static final class EmailNotVerified extends AuthenticationException {
        EmailNotVerified() {
            super("email not verified");
        }
    }
}
