package org.agora.shared.filter;

/**
 * Filters on what members write, owned by no feature: debate, poll and account call it for new and edited
 * text, and the moderation feature implements it (watched words, blocked link domains, new-account limits) —
 * so the dependency keeps pointing from moderation to the features it moderates. {@link #NONE} lets everything
 * through, for when no implementation is present.
 */
public interface ContentFilter {
    /** Where a text is written; it decides the field an error points at and what "hold for review" means. */
    enum Field {
        POST, TITLE, POLL_QUESTION, POLL_OPTION, USERNAME
    }

    /**
     * Checks a text before it is saved.
     *
     * @return the text to save (watched words replaced) and, if a watched word asks for it, why the saved content
     *         must be held for review
     * @throws ContentRefused naming the word or link domain that is not allowed
     */
    Checked check(Field field, String text);

    /**
     * Called by the owning feature, in its saving transaction, after it saved content that {@link #check} asked to
     * hold: the content is hidden pending review and put in the moderators' queue.
     */
    void holdForReview(Held held);

    /** The limits new accounts post under. */
    NewAccountLimits newAccountLimits();

    /** The outcome of a check: the text to save, and why to hold it for review (null: publish it). */
    record Checked(String text, String reviewReason) {
        public boolean held() {
            return reviewReason != null;
        }
    }

    /**
     * Saved content to hold: {@code type} is "POST", "TOPIC" or "POLL_OPTION", {@code path} the page showing it.
     */
    record Held(String type, long id, Long authorId, String path, String reason) {
    }

    /**
     * An account is new while younger than {@code hours} or with fewer than {@code approvedPosts} approved posts;
     * a new account's posts hold at most {@code links} links.
     */
    record NewAccountLimits(int hours, int approvedPosts, int links) {
        public static final NewAccountLimits DEFAULT = new NewAccountLimits(24, 3, 2);

        /** {@code approved} counts the account's approved posts, up to the number asked for; asked only if needed. */
        public boolean isNew(java.time.Instant createdAt, java.util.function.IntUnaryOperator approved,
                             java.time.Instant now) {
            return createdAt == null || createdAt.isAfter(now.minus(java.time.Duration.ofHours(hours)))
                    || (approvedPosts > 0 && approved.applyAsInt(approvedPosts) < approvedPosts);
        }
    }

    ContentFilter NONE = new ContentFilter() {
        @Override
        public Checked check(Field field, String text) {
            return new Checked(text, null);
        }

        @Override
        public void holdForReview(Held held) {
        }

        @Override
        public NewAccountLimits newAccountLimits() {
            return NewAccountLimits.DEFAULT;
        }
    };
}
