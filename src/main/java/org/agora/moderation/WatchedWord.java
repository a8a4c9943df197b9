package org.agora.moderation;

/**
 * A word or phrase admins watch for in what members write: {@link Action#BLOCK} refuses the text,
 * {@link Action#REVIEW} accepts it but hides it pending review, {@link Action#REPLACE} writes
 * {@code replacement} instead. Matching ignores case, compatibility forms (NFKC) and zero-width characters, and
 * respects word boundaries.
 */
public record WatchedWord(long id, String word, Action action, String replacement) {
    public static final int WORD_MAX = 100;

    public enum Action {
        BLOCK, REVIEW, REPLACE
    }
}
