package org.agora.debate;

import java.time.Instant;
import java.util.List;

/**
 * A debate thread: a question people take sides on. (Never called Thread: that name belongs to Java.)
 * {@code authorId} is null for the seeded threads. A thread hidden by moderators ({@code hiddenAt}) leaves every
 * list; {@link DebateCatalog} hands it to anyone but its author and staff {@linkplain #withheld() withheld}, with
 * an empty title and summary.
 */
public record Topic(long id, Category category, String title, String summary, QuestionKind kind, Integer featured,
                    Instant createdAt, List<String> tags, boolean locked, int pro, int con, int neutral,
                    int replies, Instant lastActivityAt, Long authorId, Instant hiddenAt, String hiddenReason,
                    boolean withheld) {
    /** The stable path of the thread page, with a readable slug after the id. */
    public String path() {
        return "threads/" + id + "/" + slug();
    }

    public String slug() {
        return Slugs.of(title);
    }

    public int posts() {
        return pro + con + neutral;
    }

    /** Hidden by moderators (pending review or for good). */
    public boolean hidden() {
        return hiddenAt != null;
    }

    Topic withheldCopy() {
        return new Topic(id, category, "", "", kind, featured, createdAt, List.of(), locked, pro, con, neutral,
                replies, lastActivityAt, authorId, hiddenAt, null, true);
    }
}
