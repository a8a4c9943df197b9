package org.agora.poll;

import java.util.Map;

/**
 * Counts per bucket (an option id, or a scale value or forecast percentage) and the number of voters.
 * For ranked polls the buckets count first preferences and {@code runoff} holds the instant-runoff rounds; for
 * forecasts {@code communityForecast} is the recency-weighted median.
 */
public record PollResults(Poll poll, Map<Long, Long> counts, long voters, Double communityForecast,
                          InstantRunoff.Result runoff) {
    public long count(long bucket) {
        return counts.getOrDefault(bucket, 0L);
    }

    /** The median of a scale or forecast distribution (null without votes). */
    public Long median() {
        if (voters == 0) {
            return null;
        }
        long seen = 0;
        long half = (voters + 1) / 2;
        for (var e : new java.util.TreeMap<>(counts).entrySet()) {
            seen += e.getValue();
            if (seen >= half) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The mean of a scale or forecast distribution (null without votes). */
    public Double mean() {
        if (voters == 0) {
            return null;
        }
        double sum = 0;
        for (var e : counts.entrySet()) {
            sum += (double) e.getKey() * e.getValue();
        }
        return sum / voters;
    }
}
