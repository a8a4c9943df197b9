package org.agora.account;

import java.time.Instant;

/** A member as others may know them; the password hash never leaves the repository. */
public record Account(AccountId id, String username, String email, String displayName, Role role,
                      Instant emailVerifiedAt, String locale, String theme, Instant createdAt, int version) {
    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
