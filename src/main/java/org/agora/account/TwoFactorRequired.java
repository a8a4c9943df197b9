package org.agora.account;

import org.springframework.security.access.AccessDeniedException;

/** A staff-only action in a session without a second factor (or by someone who is not staff). */
public class TwoFactorRequired extends AccessDeniedException {
    public TwoFactorRequired() {
        super("staff two-factor authentication required");
    }
}
