package org.agora.moderation;

import java.time.Instant;

/**
 * A moderation decision as the public transparency report shows it: what kind of action, its reason category,
 * when, and what kind of content. Never the content, the flaggers, the moderator or the moderator's words.
 */
public record PublicAction(long id, Instant at, ModerationAction action, FlagReason reasonCategory,
                           TargetType targetType) {
}
