package org.agora.debate;

import java.time.Instant;

/** An earlier version of a post, kept when it was edited; visible to everyone, like Discourse's revisions. */
public record Revision(long postId, int version, String body, Instant createdAt) {
}
