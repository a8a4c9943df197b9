package org.agora.account;

import java.time.Instant;

/** A member's personal API token as they may see it later: never the token itself, which only its hash keeps. */
public record ApiToken(long id, String name, ApiScope scope, Instant createdAt, Instant lastUsedAt) {
}
