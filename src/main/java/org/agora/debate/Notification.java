package org.agora.debate;

import java.time.Instant;

/** Something a member should know: a reply to their post, a mention, or a new post in a thread they follow. */
public record Notification(long id, Kind kind, long topicId, String topicTitle, long postId, String actorName,
                           String excerpt, Instant createdAt, boolean read) {
    public enum Kind {
        REPLY, MENTION, FOLLOWED_POST,
        /** Moderators decided on the member's post or thread; the excerpt is their note (action and reason). */
        MODERATION
    }

    public String postPath() {
        return "threads/" + topicId + "/" + Slugs.of(topicTitle) + "#post-" + postId;
    }
}
