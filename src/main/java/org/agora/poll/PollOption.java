package org.agora.poll;

/** An answer of a poll; {@code other} marks the one answer that takes the voter's own words ("Other: …"). */
public record PollOption(long id, String label, int position, boolean other) {
    public PollOption(long id, String label, int position) {
        this(id, label, position, false);
    }
}
