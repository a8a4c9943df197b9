package org.agora.poll;

import java.util.Map;

/**
 * What readers of other websites answered through an embedded poll (anonymous ballots), counted apart from members:
 * counts per bucket (an option id, or a scale value or forecast percentage) and the number of readers who voted.
 */
public record ReaderTally(long pollId, Map<Long, Long> counts, long voters) {
    public ReaderTally {
        counts = Map.copyOf(counts);
    }

    public long count(long bucket) {
        return counts.getOrDefault(bucket, 0L);
    }
}
