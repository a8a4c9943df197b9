package org.agora.debate;

import java.time.Instant;

/**
 * A post or a thread as moderators review it: who wrote it, an excerpt of its text (moderators may read hidden
 * content) and its moderation state. {@code kind} is "POST" or "TOPIC"; {@code path} is the page to look at it.
 */
public record ModeratedContent(String kind, long id, long topicId, String topicTitle, Long authorId,
                               String authorName, String excerpt, String path, Instant createdAt, boolean hidden,
                               boolean removed, String authorUsername) {
}
