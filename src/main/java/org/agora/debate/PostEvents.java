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

    /**
     * Staff changed a thread's controls ({@code control}: LOCK, UNLOCK, PIN, UNPIN or SLOW_MODE), with their reason and the
     * new setting as a small JSON object (or null); published in the change's transaction.
     */
    public record TopicControlled(long topicId, String control, String reason, String detail) {
    }
}
