package org.agora.moderation;

/** Which open items the review queue lists: by a flag's reason, by a flagger's username, by age (first flag). */
public record QueueFilter(FlagReason reason, String flagger, Age age) {
    public static final QueueFilter ALL = new QueueFilter(null, null, Age.ANY);

    public enum Age {
        ANY, LAST_DAY, LAST_WEEK, OLDER_THAN_A_WEEK
    }

    public QueueFilter {
        flagger = flagger == null || flagger.isBlank() ? null : flagger.strip();
        age = age == null ? Age.ANY : age;
    }
}
