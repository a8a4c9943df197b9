package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Security case 11: Jazzer fuzzes the instant-runoff counter with any valid ballots (each a ranking without
 * repeats of the poll's options, possibly partial or empty). Properties: it ends; every round accounts for every
 * ballot; a winner is an option and holds a majority of the continuing ballots or is the last one standing; each
 * round eliminates one option still in the race; the count is deterministic.
 */
class InstantRunoffFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void any_valid_ballots_give_a_consistent_count(FuzzedDataProvider data) {
        int n = data.consumeInt(1, 20);
        var options = new ArrayList<Long>();
        for (int i = 0; i < n; i++) {
            options.add(1000L + i * 7L);
        }
        int voters = data.consumeInt(0, 200);
        var ballots = new ArrayList<List<Long>>();
        for (int v = 0; v < voters && data.remainingBytes() > 0; v++) {
            var ranking = new LinkedHashSet<Long>();
            int length = data.consumeInt(0, n);
            for (int k = 0; k < length; k++) {
                ranking.add(options.get(data.consumeInt(0, n - 1)));
            }
            ballots.add(List.copyOf(ranking));
        }

        var result = InstantRunoff.count(options, ballots);

        assertThat(result.rounds()).isNotEmpty().hasSizeLessThanOrEqualTo(n);
        var inRace = new LinkedHashSet<>(options);
        for (var round : result.rounds()) {
            int counted = round.votes().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(counted + round.exhausted()).as("every ballot counted or exhausted").isEqualTo(ballots.size());
            assertThat(inRace).containsAll(round.votes().keySet());
            if (round.eliminated() != null) {
                assertThat(inRace.remove(round.eliminated())).as("eliminates an option still in the race").isTrue();
            }
        }
        var last = result.rounds().getLast();
        assertThat(result.winner()).isEqualTo(last.winner());
        if (result.winner() != null) {
            assertThat(options).contains(result.winner());
            int continuing = last.votes().values().stream().mapToInt(Integer::intValue).sum();
            int votes = last.votes().get(result.winner());
            assertThat(votes * 2 > continuing || last.votes().size() == 1).as("majority or last standing").isTrue();
        } else {
            assertThat(ballots.stream().allMatch(List::isEmpty)).as("no winner only when no one ranked anything").isTrue();
        }
        assertThat(InstantRunoff.count(options, ballots)).as("deterministic").isEqualTo(result);
    }
}
