package org.agora.account;

import java.time.Instant;
import java.util.UUID;

/** One browser session a member is signed in with. */
public record SignedInSession(UUID id, Instant createdAt, Instant lastSeenAt, String ip, String userAgent,
                              boolean current) {
    SignedInSession asCurrent() {
        return new SignedInSession(id, createdAt, lastSeenAt, ip, userAgent, true);
    }
}
