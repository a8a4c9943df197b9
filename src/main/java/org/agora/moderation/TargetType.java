package org.agora.moderation;

/** What moderation acts on: a post, a thread (its title and opening post), a poll answer, a member or a poll. */
public enum TargetType {
    POST, TOPIC, POLL_OPTION, ACCOUNT,
    /** A whole poll (closed, reopened or removed by staff); never flagged. */
    POLL
}
