package org.agora.debate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how fast a member posts (Bucket4j token buckets per account); accounts younger than a day get a
 * stricter bucket. A refusal says how long to wait.
 */
@Component
class PostingThrottle {
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2)).build();
    private final int perTenMinutes;
    private final int newAccountPerTenMinutes;
    private final org.agora.shared.metrics.AgoraMeters meters;

    PostingThrottle(@Value("${agora.posting.posts-per-10-minutes:20}") int perTenMinutes,
                    @Value("${agora.posting.new-account-posts-per-10-minutes:5}") int newAccountPerTenMinutes,
                    org.agora.shared.metrics.AgoraMeters meters) {
        this.meters = meters;
        this.perTenMinutes = perTenMinutes;
        this.newAccountPerTenMinutes = newAccountPerTenMinutes;
    }

    /** Takes one post for this account; throws with the seconds to wait if it is over its limit. */
    void take(long accountId, boolean newAccount) {
        int limit = newAccount ? newAccountPerTenMinutes : perTenMinutes;
        Bucket bucket = buckets.get(accountId * 2 + (newAccount ? 1 : 0), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, Duration.ofMinutes(10)).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            meters.rateLimited("posting");
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new DebateException("body", "post.tooFast", seconds);
        }
    }
}
