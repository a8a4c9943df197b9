package org.agora.debate;

import java.time.Instant;

/**
 * A post in a thread. {@code html} is the Markdown body rendered and sanitized when it was saved; a deleted
 * post keeps its place (replies stay) but shows no body.
 *
 * <p>A post hidden by moderators ({@code hiddenAt}) keeps its body for its author and staff only: for everyone
 * else {@link DebateCatalog} hands it out {@linkplain #withheld() withheld}, with an empty body and html, so the
 * text never reaches their browser. {@code deletedReason} is set when moderators removed the post.
 */
public record Post(long id, long topicId, Author author, Long parentId, Stance stance, Relation relation,
                   String body, String html, boolean opening, Instant createdAt, Instant editedAt,
                   Instant deletedAt, int version, int convincing, int replies, Instant hiddenAt,
                   String hiddenReason, String deletedReason, boolean withheld) {
    public Post(long id, long topicId, Author author, Long parentId, Stance stance, Relation relation, String body,
                String html, boolean opening, Instant createdAt, Instant editedAt, Instant deletedAt, int version,
                int convincing, int replies) {
        this(id, topicId, author, parentId, stance, relation, body, html, opening, createdAt, editedAt, deletedAt,
                version, convincing, replies, null, null, null, false);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean edited() {
        return editedAt != null;
    }

    /** Hidden by moderators (pending review or for good). */
    public boolean hidden() {
        return hiddenAt != null;
    }

    /** Removed by moderators rather than deleted by its author. */
    public boolean removedByModerators() {
        return deletedAt != null && deletedReason != null;
    }

    /** The same post without its text: what a reader gets of a hidden post. */
    Post withheldCopy() {
        return new Post(id, topicId, author, parentId, stance, relation, "", "", opening, createdAt, editedAt,
                deletedAt, version, convincing, replies, hiddenAt, null, deletedReason == null ? null : "", true);
    }
}
