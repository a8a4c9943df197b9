package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommunityForecastTest {
    @Test
    void one_forecast_is_the_community_forecast() {
        assertThat(CommunityForecast.recencyWeightedMedian(List.of(37))).isEqualTo(37.0);
        assertThat(CommunityForecast.recencyWeightedMedian(List.of())).isNull();
    }

    @Test
    void newer_forecasts_weigh_more_hand_checked() {
        // weights for N = 3: e^(1-√3)=0.481, e^(√2-√3)=0.728, e^(0)=1; total 2.209, half 1.104
        // sorted by p: 80 (oldest, 0.481), 20 (0.728), 30 (newest, 1): cumulative 20:0.728, 30:1.728 > half -> 30
        assertThat(CommunityForecast.recencyWeightedMedian(List.of(80, 20, 30))).isEqualTo(30.0);
        // the plain median of {80, 20, 30} would also be 30; with the newest at 90 the weight tips it to 80:
        // sorted: 20 (0.728), 80 (0.481), 90 (1): cumulative 0.728, 1.209 > 1.104 -> 80
        assertThat(CommunityForecast.recencyWeightedMedian(List.of(80, 20, 90))).isEqualTo(80.0);
        // two forecasts: weights e^(1-√2)=0.661 (old) and 1 (new): the newer wins
        assertThat(CommunityForecast.recencyWeightedMedian(List.of(10, 90))).isEqualTo(90.0);
    }

    @Test
    void invariants_hold_for_many_random_communities() {
        var random = new Random(99);
        for (int run = 0; run < 1_000; run++) {
            int n = 1 + random.nextInt(40);
            var ps = new ArrayList<Integer>();
            for (int i = 0; i < n; i++) {
                ps.add(1 + random.nextInt(99));
            }
            double median = CommunityForecast.recencyWeightedMedian(ps);
            int min = ps.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = ps.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(median).isBetween((double) min, (double) max);
            // everyone agreeing gives that number
            int same = ps.getFirst();
            assertThat(CommunityForecast.recencyWeightedMedian(ps.stream().map(p -> same).toList())).isEqualTo(same);
        }
    }
}
