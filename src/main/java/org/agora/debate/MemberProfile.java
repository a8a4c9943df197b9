package org.agora.debate;

import java.time.Instant;
import java.util.List;

/** What a member's public page shows: who they are, how much they posted and how convincing others found them. */
public record MemberProfile(String username, String displayName, Instant memberSince, long posts,
                            long convincingReceived, List<Post> recentPosts) {
}
