package org.agora.debate;

import java.time.Instant;
import java.util.List;

/** A debate thread: a question people take sides on. (Never called Thread: that name belongs to Java.) */
public record Topic(long id, Category category, String title, String summary, QuestionKind kind, Integer featured,
                    Instant createdAt, List<String> tags, boolean locked, int pro, int con, int neutral,
                    int replies, Instant lastActivityAt) {
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
}
