package org.agora.moderation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Limits how many flags a member sends (a Bucket4j token bucket per account); a refusal says how long to wait. */
@Component
class FlagThrottle {
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2)).build();
    private final int perHour;
    private final org.agora.shared.metrics.AgoraMeters meters;

    FlagThrottle(@Value("${agora.moderation.flags-per-hour:20}") int perHour, org.agora.shared.metrics.AgoraMeters meters) {
        this.perHour = perHour;
        this.meters = meters;
    }

    void take(long accountId) {
        Bucket bucket = buckets.get(accountId, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            meters.rateLimited("flags");
            long minutes = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toMinutes() + 1);
            throw new ModerationException(null, "flag.tooFast", minutes);
        }
    }
}
