package org.agora.moderation;

/** What became of a flag: still waiting, dismissed by a moderator, or acted on (content hidden or removed). */
public enum FlagOutcome {
    PENDING, DISMISSED, ACTIONED
}
