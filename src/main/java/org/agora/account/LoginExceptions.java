package org.agora.account;

import org.springframework.security.core.AuthenticationException;

/** Why a login was refused, beyond bad credentials. */
public final class LoginExceptions {
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

    /** Right password, but the member is suspended or banned: says until when (empty for a ban) and why. */
    public static final class Suspended extends AuthenticationException {
        private final String until;
        private final String reason;
        // server-side only (kept in the HTTP session, never rendered): made here after the password was proven, so
        // holding one is the proof that lets a suspended member appeal without a session of their own
        private final transient AccountId account;
        private final long sanctionId;

        Suspended(String until, String reason, AccountId account, long sanctionId) {
            super("account suspended");
            this.until = until;
            this.reason = reason;
            this.account = account;
            this.sanctionId = sanctionId;
        }

        AccountId account() {
            return account;
        }

        long sanctionId() {
            return sanctionId;
        }

        /** Until when, as text in UTC; empty for a ban. */
        public String until() {
            return until;
        }

        public String reason() {
            return reason;
        }
    }
}
