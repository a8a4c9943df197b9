package org.agora.debate;

import java.time.Instant;

/**
 * An earlier version of a post, kept when it was edited; visible to everyone, like Discourse's revisions.
 * {@code replacedByStaff}: the next version (a later revision, or the current text) was written by a moderator.
 */
public record Revision(long postId, int version, String body, Instant createdAt, boolean replacedByStaff) {
    public Revision(long postId, int version, String body, Instant createdAt) {
        this(postId, version, body, createdAt, false);
    }
}
