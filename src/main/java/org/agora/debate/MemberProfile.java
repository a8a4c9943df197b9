package org.agora.debate;

import java.time.Instant;
import java.util.List;

/** What a member's public page shows: who they are, how much they posted and how convincing others found them. */
public record MemberProfile(String username, String displayName, Instant memberSince, long posts,
                            long convincingReceived, List<RecentPost> recentPosts) {
    /** One of the member's posts with the thread it is in. */
    public record RecentPost(long topicId, String topicTitle, long postId, Stance stance, String body,
                             Instant createdAt) {
        public String path() {
            return "threads/" + topicId + "/" + Slugs.of(topicTitle) + "#post-" + postId;
        }
    }
}
