package org.agora.moderation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A flagged thing waiting for review, with all its pending flags: the content as moderators see it, who claimed
 * it (if anyone), and whether Agora hid it automatically.
 */
public record QueueItem(long id, Target target, ContentView content, List<Flag> flags, Long claimedById,
                        String claimedBy, Instant claimedAt, Instant autoHiddenAt, String status,
                        String heldReason) {
    public QueueItem {
        flags = List.copyOf(flags);
    }

    /** A member's flag as moderators see it. */
    public record Flag(FlagReason reason, String text, String flagger, Instant at) {
    }

    public Instant firstFlaggedAt() {
        return flags.isEmpty() ? null : flags.getFirst().at();
    }

    public Instant lastFlaggedAt() {
        return flags.isEmpty() ? null : flags.getLast().at();
    }

    /** How many pending flags give each reason, in the enum's order. */
    public Map<FlagReason, Integer> countsByReason() {
        var counts = new EnumMap<FlagReason, Integer>(FlagReason.class);
        flags.forEach(f -> counts.merge(f.reason(), 1, Integer::sum));
        return counts;
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
