package org.agora.poll;

/**
 * A poll's embed settings were changed by a moderator on someone else's poll (published in the change's
 * transaction, so that an audit log can record it alongside).
 */
public record EmbedSettingsChanged(long pollId, Long authorId, String summary) {
}
