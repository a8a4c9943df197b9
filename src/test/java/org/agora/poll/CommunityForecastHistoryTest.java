package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.agora.poll.CommunityForecastHistory.Change;
import org.agora.poll.CommunityForecastHistory.Point;
import org.junit.jupiter.api.Test;

class CommunityForecastHistoryTest {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void each_change_moves_the_recency_weighted_median_hand_checked() {
        var points = CommunityForecastHistory.of(List.of(
                change(0, 1, 80),
                change(1, 2, 20), // [80, 20]: the newer weighs 1 against e^(1 − √2) = 0.66 -> 20
                change(2, 3, 30), // [80, 20, 30] -> 30 (see CommunityForecastTest)
                change(3, 3, 90)), 10); // [80, 20, 90]: 20 0.73, 80 0.48 -> 1.21 > half of 2.21 -> 80
        assertThat(points).containsExactly(
                new Point(minute(0), 80, 1), new Point(minute(1), 20, 2),
                new Point(minute(2), 30, 3), new Point(minute(3), 80, 3));
    }

    @Test
    void an_unchanged_number_still_makes_a_forecast_the_newest() {
        // [10, 90] -> 90 (newer); voter 1 confirms 10 -> [90, 10] -> 10
        var points = CommunityForecastHistory.of(List.of(change(0, 1, 10), change(1, 2, 90), change(2, 1, 10)), 10);
        assertThat(points).extracting(Point::percent).containsExactly(10.0, 90.0, 10.0);
    }

    @Test
    void retracted_forecasts_leave_the_community_and_nobody_holding_one_shows_no_point() {
        var points = CommunityForecastHistory.of(List.of(
                change(0, 1, 40), change(1, 2, 60), change(2, 2, null), change(3, 1, null), change(4, 3, 70),
                change(5, 9, null)), 10); // retracting what one never held changes nothing
        assertThat(points).containsExactly(
                new Point(minute(0), 40, 1), new Point(minute(1), 60, 2), new Point(minute(2), 40, 1),
                new Point(minute(4), 70, 1), new Point(minute(5), 70, 1));
        assertThat(CommunityForecastHistory.of(List.of(change(0, 1, 40), change(1, 1, null)), 10)).hasSize(1);
        assertThat(CommunityForecastHistory.of(List.of(), 10)).isEmpty();
    }

    @Test
    void points_are_thinned_to_one_per_time_step_ending_with_the_last_state() {
        // a change each minute 0..99, 10 steps of 9.9 minutes: steps end after minutes 9, 19, … 99
        var changes = new ArrayList<Change>();
        for (int m = 0; m < 100; m++) {
            changes.add(change(m, m % 7, 1 + m % 99));
        }
        var points = CommunityForecastHistory.of(changes, 10);
        assertThat(points).extracting(Point::at)
                .containsExactly(minute(9), minute(19), minute(29), minute(39), minute(49), minute(59), minute(69),
                        minute(79), minute(89), minute(99));
        assertThat(points.getLast().forecasters()).isEqualTo(7);
        assertThat(CommunityForecastHistory.of(changes, 1)).containsExactly(points.getLast());
    }

    @Test
    void changes_at_one_instant_are_shown_together() {
        var points = CommunityForecastHistory.of(List.of(change(0, 1, 40), change(0, 2, 60), change(5, 3, 50)), 10);
        assertThat(points).containsExactly(new Point(minute(0), 60, 2), new Point(minute(5), 50, 3));
        assertThat(CommunityForecastHistory.of(List.of(change(0, 1, 40), change(0, 2, 60)), 10))
                .containsExactly(new Point(minute(0), 60, 2));
    }

    @Test
    void changes_out_of_order_are_put_in_order() {
        var points = CommunityForecastHistory.of(List.of(change(3, 3, 90), change(0, 1, 80), change(2, 3, 30),
                change(1, 2, 20)), 10);
        assertThat(points).extracting(Point::percent).containsExactly(80.0, 20.0, 30.0, 80.0);
    }

    @Test
    void at_least_one_point_must_be_allowed() {
        assertThatThrownBy(() -> CommunityForecastHistory.of(List.of(change(0, 1, 50)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_point_is_the_community_forecast_recomputed_from_scratch_for_many_random_histories() {
        var random = new Random(5);
        for (int run = 0; run < 500; run++) {
            var changes = randomHistory(random, random.nextInt(120), 1 + random.nextInt(25), 1 + random.nextInt(500));
            int maxPoints = 1 + random.nextInt(40);
            var points = CommunityForecastHistory.of(changes, maxPoints);

            assertThat(points.size()).isLessThanOrEqualTo(maxPoints);
            for (int i = 1; i < points.size(); i++) {
                assertThat(points.get(i).at()).isAfter(points.get(i - 1).at());
            }
            for (Point point : points) {
                var held = heldAt(changes, point.at());
                assertThat(point.forecasters()).isPositive().isEqualTo(held.size());
                assertThat(point.percent()).isEqualTo(CommunityForecast.recencyWeightedMedian(held));
                assertThat(point.percent()).isBetween((double) held.stream().mapToInt(p -> p).min().orElseThrow(),
                        (double) held.stream().mapToInt(p -> p).max().orElseThrow());
            }
            if (!changes.isEmpty()) {
                var last = heldAt(changes, changes.getLast().at());
                if (last.isEmpty()) {
                    assertThat(points.isEmpty() || points.getLast().at().isBefore(changes.getLast().at())).isTrue();
                } else {
                    assertThat(points.getLast().at()).isEqualTo(changes.getLast().at());
                }
            }
        }
    }

    @Test
    void ten_thousand_changes_by_a_thousand_forecasters_are_summed_up_change_by_change() {
        var changes = randomHistory(new Random(1), 10_000, 1_000, 60 * 24 * 90);
        var points = CommunityForecastHistory.of(changes, 1_000);
        assertThat(points.size()).isLessThanOrEqualTo(1_000).isGreaterThan(900);
        var last = heldAt(changes, changes.getLast().at());
        assertThat(points.getLast()).isEqualTo(new Point(changes.getLast().at(),
                CommunityForecast.recencyWeightedMedian(last), last.size()));
    }

    /** Changes in time order, some at the same minute, a few retractions. */
    private static List<Change> randomHistory(Random random, int n, int voters, int minutes) {
        var times = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            times.add(random.nextInt(minutes));
        }
        times.sort(null);
        return times.stream()
                .map(m -> change(m, random.nextInt(voters), random.nextInt(8) == 0 ? null : 1 + random.nextInt(99)))
                .toList();
    }

    /** The reference: replay every change up to {@code at}, keeping the forecasts held oldest update first. */
    private static List<Integer> heldAt(List<Change> changes, Instant at) {
        record Held(long voter, int percent) {
        }
        var held = new ArrayList<Held>();
        for (Change change : changes) {
            if (change.at().isAfter(at)) {
                break;
            }
            held.removeIf(h -> h.voter() == change.voterId());
            if (change.newPercent() != null) {
                held.add(new Held(change.voterId(), change.newPercent()));
            }
        }
        return held.stream().map(Held::percent).toList();
    }

    private static Change change(long minute, long voter, Integer percent) {
        return new Change(minute(minute), voter, percent);
    }

    private static Instant minute(long minute) {
        return START.plus(Duration.ofMinutes(minute));
    }
}
