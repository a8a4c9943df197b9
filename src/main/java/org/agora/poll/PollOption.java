package org.agora.poll;

/**
 * An answer of a poll; {@code other} marks the one answer that takes the voter's own words ("Other: …").
 * A {@code hidden} answer was hidden by moderators: its label is {@link #HIDDEN_LABEL}, never the original.
 */
public record PollOption(long id, String label, int position, boolean other, boolean hidden) {
    /** What a hidden answer reads as, wherever it is shown (views translate it). */
    public static final String HIDDEN_LABEL = "Hidden by moderators";
    /** The stored label of a write-in answer written with the poll form (views show it translated). */
    public static final String OTHER_LABEL = "Other (write-in)";

    public PollOption(long id, String label, int position, boolean other) {
        this(id, label, position, other, false);
    }

    public PollOption(long id, String label, int position) {
        this(id, label, position, false, false);
    }
}
