package org.agora.moderation;

/** What can be flagged: a post, a thread (its title and opening post) or a poll answer. */
public enum TargetType {
    POST, TOPIC, POLL_OPTION, ACCOUNT
}
