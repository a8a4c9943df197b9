package org.agora.poll;

/**
 * Staff closed, reopened or removed a poll (published in the change's transaction; the moderation feature writes
 * it to its audit log). {@code action} is CLOSE_POLL, REOPEN_POLL or DELETE_POLL; {@code detail} a small JSON
 * object or null.
 */
public record PollModerated(long pollId, String action, String reason, String detail) {
}
