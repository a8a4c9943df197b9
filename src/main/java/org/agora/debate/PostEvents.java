package org.agora.debate;

import java.util.Set;

/** What happened in a debate, for live updates and notifications (ids only). */
public final class PostEvents {
    private PostEvents() {
    }

    public record PostCreated(long topicId, long postId, long authorId, Long parentAuthorId, Set<String> mentions) {
    }

    public record PostChanged(long topicId, long postId) {
    }

    public record TopicStarted(long topicId, long authorId) {
    }
}
