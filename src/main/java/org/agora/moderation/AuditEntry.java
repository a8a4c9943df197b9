package org.agora.moderation;

import java.time.Instant;

/**
 * One row of the moderation audit log: who did what to which content, why, the content's state before and after
 * (JSON), and whether it was done ({@code OK}) or refused ({@code DENIED}). {@code actorName} is null for Agora's
 * own automatic actions (auto-hide) and for readers who were refused.
 */
public record AuditEntry(long id, Instant at, Long actorId, String actorName, ModerationAction action,
                         TargetType targetType, Long targetId, FlagReason reasonCategory, String reason,
                         String before, String after, String outcome) {
}
