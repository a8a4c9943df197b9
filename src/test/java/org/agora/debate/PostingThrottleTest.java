package org.agora.debate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostingThrottleTest {
    @Test
    void new_accounts_are_limited_sooner_and_told_how_long_to_wait() {
        var throttle = new PostingThrottle(10, 3,
                new org.agora.shared.metrics.AgoraMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        for (int i = 0; i < 3; i++) {
            throttle.take(1, true);
        }
        assertThatThrownBy(() -> throttle.take(1, true)).isInstanceOf(DebateException.class)
                .hasMessage("post.tooFast")
                .satisfies(e -> assertThat((long) ((DebateException) e).args()[0]).isBetween(1L, 600L));
        for (int i = 0; i < 10; i++) {
            throttle.take(2, false);
        }
        assertThatThrownBy(() -> throttle.take(2, false)).isInstanceOf(DebateException.class);
    }
}
