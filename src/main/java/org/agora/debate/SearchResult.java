package org.agora.debate;

import java.time.Instant;

/** A post matching a search, with its thread and a snippet whose only markup is {@code <mark>}. */
public record SearchResult(long topicId, String topicTitle, String categoryName, long postId, boolean opening,
                           Stance stance, String authorName, String snippetHtml, Instant createdAt) {
    public String topicPath() {
        return "threads/" + topicId + "/" + Slugs.of(topicTitle);
    }
}
