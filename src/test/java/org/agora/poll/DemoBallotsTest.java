package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;

import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DemoBallotsTest {
    @Autowired PollService polls;

    @Test
    void the_seeded_polls_have_demo_ballots_with_exact_tallies() {
        for (long id = 1; id <= 8; id++) {
            assertThat(polls.results(id)).as("poll " + id).hasValueSatisfying(r -> assertThat(r.voters()).isGreaterThanOrEqualTo(4));
            assertThat(polls.reconcile(id)).as("poll " + id + " reconciles").isTrue();
        }
    }
}
