package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantRunoffTest {
    private static final long A = 1, B = 2, C = 3, D = 4;

    @Test
    void a_majority_of_first_choices_wins_in_the_first_round() {
        var result = InstantRunoff.count(List.of(A, B, C), List.of(List.of(A, B), List.of(A, C), List.of(B, A)));
        assertThat(result.winner()).isEqualTo(A);
        assertThat(result.rounds()).hasSize(1);
    }

    @Test
    void eliminated_options_pass_their_ballots_on_hand_checked() {
        // first round: A 4, B 3, C 2 -> C eliminated; its 2 ballots go to B -> B 5 of 9 wins
        var ballots = new ArrayList<List<Long>>();
        for (int i = 0; i < 4; i++) ballots.add(List.of(A));
        for (int i = 0; i < 3; i++) ballots.add(List.of(B, A));
        for (int i = 0; i < 2; i++) ballots.add(List.of(C, B));
        var result = InstantRunoff.count(List.of(A, B, C), ballots);
        assertThat(result.rounds()).hasSize(2);
        assertThat(result.rounds().get(0).eliminated()).isEqualTo(C);
        assertThat(result.rounds().get(1).votes()).containsEntry(A, 4).containsEntry(B, 5);
        assertThat(result.winner()).isEqualTo(B);
    }

    @Test
    void ballots_run_out_and_count_as_exhausted() {
        // A 2, B 2, C 1 (ranks only C) -> C out, its ballot is exhausted; tie A-B broken by first round (equal),
        // then poll position: the later option (B) is eliminated -> A wins with 2 of 2 continuing... after B out
        var result = InstantRunoff.count(List.of(A, B, C),
                List.of(List.of(A), List.of(A), List.of(B), List.of(B), List.of(C)));
        assertThat(result.rounds().get(1).exhausted()).isEqualTo(1);
        assertThat(result.rounds().get(1).eliminated()).isEqualTo(B);
        assertThat(result.winner()).isEqualTo(A);
    }

    @Test
    void no_ballots_no_winner() {
        assertThat(InstantRunoff.count(List.of(A, B), List.of()).winner()).isNull();
    }

    @Test
    void invariants_hold_for_many_random_elections() {
        var random = new Random(2024);
        var options = List.of(A, B, C, D);
        for (int election = 0; election < 500; election++) {
            var ballots = new ArrayList<List<Long>>();
            int voters = 1 + random.nextInt(60);
            for (int v = 0; v < voters; v++) {
                var ranking = new ArrayList<>(options);
                Collections.shuffle(ranking, random);
                ballots.add(ranking.subList(0, 1 + random.nextInt(4)));
            }
            var result = InstantRunoff.count(options, ballots);
            for (var round : result.rounds()) {
                int counted = round.votes().values().stream().mapToInt(Integer::intValue).sum();
                assertThat(counted + round.exhausted()).as("every ballot is counted or exhausted").isEqualTo(voters);
            }
            assertThat(result.winner()).as("someone wins when anyone voted").isNotNull();
            var last = result.rounds().getLast();
            int continuing = last.votes().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(last.votes().get(result.winner()) * 2 > continuing || last.votes().size() == 1).isTrue();
            assertThat(result.rounds().size()).isLessThanOrEqualTo(options.size());
            // a majority of first preferences always wins at once
            long[] firsts = new long[5];
            ballots.forEach(b -> firsts[b.getFirst().intValue()]++);
            for (long o : options) {
                if (firsts[(int) o] * 2 > voters) {
                    assertThat(result.winner()).isEqualTo(o);
                    assertThat(result.rounds()).hasSize(1);
                }
            }
        }
    }
}
