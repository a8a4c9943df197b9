package org.agora.debate;

import java.time.Instant;

/**
 * A post in a thread. {@code html} is the Markdown body rendered and sanitized when it was saved; a deleted
 * post keeps its place (replies stay) but shows no body.
 */
public record Post(long id, long topicId, Author author, Long parentId, Stance stance, Relation relation,
                   String body, String html, boolean opening, Instant createdAt, Instant editedAt,
                   Instant deletedAt, int version, int convincing, int replies) {
    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean edited() {
        return editedAt != null;
    }
}
