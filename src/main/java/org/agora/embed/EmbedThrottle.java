package org.agora.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits of anonymous voting (Bucket4j token buckets, per node): voter tokens and ballots per client address,
 * and ballots per poll, so that neither one address nor a crowd of them can stuff a poll faster than the limits.
 * A refusal says how many seconds to wait (sent as {@code Retry-After}).
 */
@Component
class EmbedThrottle {
    private final int tokensPerAddress;
    private final int ballotsPerAddress;
    private final int ballotsPerPoll;
    private final Cache<String, Bucket> addressTokens = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Bucket> addressBallots = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<Long, Bucket> pollBallots = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    EmbedThrottle(@Value("${agora.embed.tokens-per-address-per-minute:20}") int tokensPerAddress,
                  @Value("${agora.embed.ballots-per-address-per-minute:20}") int ballotsPerAddress,
                  @Value("${agora.embed.ballots-per-poll-per-minute:3000}") int ballotsPerPoll) {
        this.tokensPerAddress = tokensPerAddress;
        this.ballotsPerAddress = ballotsPerAddress;
        this.ballotsPerPoll = ballotsPerPoll;
    }

    /** @throws TooFast unless this address may have another voter token now */
    void token(String address) {
        take(addressTokens.get(address, k -> perMinute(tokensPerAddress)));
    }

    /** @throws TooFast unless this address may vote, and the poll may take another ballot, now */
    void ballot(String address, long pollId) {
        take(addressBallots.get(address, k -> perMinute(ballotsPerAddress)));
        take(pollBallots.get(pollId, k -> perMinute(ballotsPerPoll)));
    }

    private static Bucket perMinute(int n) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(n).refillGreedy(n, Duration.ofMinutes(1)).build())
                .build();
    }

    private static void take(Bucket bucket) {
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooFast(Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        }
    }

    static final class TooFast extends RuntimeException {
        final long retryAfterSeconds;

        TooFast(long retryAfterSeconds) {
            super("too fast", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
