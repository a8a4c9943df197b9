package org.agora.moderation;

import java.time.Instant;

/** One of the signed-in member's flags and what became of it. */
public record MyFlag(long id, TargetType targetType, String path, FlagReason reason, String text, Instant createdAt,
                     FlagOutcome outcome, Instant resolvedAt) {
}
