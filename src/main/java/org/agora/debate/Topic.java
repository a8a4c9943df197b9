package org.agora.debate;

import java.time.Instant;

/** A debate thread: a question people take sides on. (Never called Thread: that name belongs to Java.) */
public record Topic(long id, Category category, String title, String summary, QuestionKind kind, Integer featured,
                    Instant createdAt) {
    /** The stable path of the thread page, with a readable slug after the id. */
    public String path() {
        return "threads/" + id + "/" + Slugs.of(title);
    }
}
