package org.agora.debate.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.agora.debate.Author;
import org.agora.debate.Post;
import org.agora.debate.Relation;
import org.agora.debate.Stance;
import org.agora.debate.Topic;

/** The JSON the API reads and writes. Field names are the API's contract: rename nothing. */
final class ApiJson {
    private ApiJson() {
    }

    @Schema(name = "ThreadList", description = "A page of threads, most recent activity first")
    record ThreadList(List<ThreadItem> items,
                      @Schema(description = "cursor for the next page (pass as ?after=), null on the last page",
                              nullable = true) String next) {
    }

    @Schema(name = "ThreadItem")
    record ThreadItem(long id, String title, @Schema(description = "category slug") String category,
                      List<String> tags, int pro, int con, int neutral, int replies, Instant lastActivityAt,
                      @Schema(description = "the thread's page") String url) {
        static ThreadItem of(Topic t, String baseUrl) {
            return new ThreadItem(t.id(), t.title(), t.category().slug(), t.tags(), t.pro(), t.con(), t.neutral(),
                    t.replies(), t.lastActivityAt(), baseUrl + "/" + t.path());
        }
    }

    @Schema(name = "Thread", description = "A thread with a page of its posts, oldest first")
    record ThreadDetails(long id, String title, String category, List<String> tags, boolean locked, int pro,
                         int con, int neutral, int replies, Instant createdAt, Instant lastActivityAt, String url,
                         List<PostItem> posts,
                         @Schema(description = "cursor for the next page of posts, null on the last page",
                                 nullable = true) String next) {
        static ThreadDetails of(Topic t, String baseUrl, List<PostItem> posts, String next) {
            return new ThreadDetails(t.id(), t.title(), t.category().slug(), t.tags(), t.locked(), t.pro(), t.con(),
                    t.neutral(), t.replies(), t.createdAt(), t.lastActivityAt(), baseUrl + "/" + t.path(), posts, next);
        }
    }

    @Schema(name = "Post")
    record PostItem(long id, long threadId, @Schema(nullable = true) Long parentId, Stance stance,
                    @Schema(nullable = true) Relation relation, AuthorItem author,
                    @Schema(description = "the body rendered from Markdown and sanitized; null once deleted, and while "
                            + "hidden by moderators (unless the token's member wrote it or is staff)",
                            nullable = true) String html,
                    Instant createdAt, @Schema(nullable = true) Instant editedAt, boolean deleted, int convincing,
                    @Schema(description = "hidden by moderators") boolean hidden) {
        static PostItem of(Post p) {
            return new PostItem(p.id(), p.topicId(), p.parentId(), p.stance(), p.relation(), AuthorItem.of(p.author()),
                    p.deleted() || p.withheld() ? null : p.html(), p.createdAt(), p.editedAt(), p.deleted(),
                    p.convincing(), p.hidden());
        }
    }

    @Schema(name = "Author")
    record AuthorItem(String username, String displayName) {
        static AuthorItem of(Author a) {
            return new AuthorItem(a.username(), a.displayName());
        }
    }

    @Schema(name = "NewThread")
    record NewThread(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "category slug") String category,
                     List<String> tags,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PRO", "CON", "NEUTRAL"},
                             description = "your stance in the opening post") String stance,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Markdown") String body,
                     @Schema(description = "any UUID; a retry with the same key returns the first result")
                     UUID clientKey) {
    }

    @Schema(name = "NewPost")
    record NewPost(@Schema(description = "the post this one replies to, in the same thread") Long parentId,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PRO", "CON", "NEUTRAL"})
                   String stance,
                   @Schema(allowableValues = {"SUPPORTS", "CHALLENGES"}, description = "required with parentId")
                   String relation,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Markdown") String body,
                   @Schema(description = "any UUID; a retry with the same key returns the first post")
                   UUID clientKey) {
    }
}
