package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.agora.poll.Calibration.Bucket;
import org.agora.poll.Calibration.Prediction;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void predictions_fall_into_buckets_of_ten_percent_hand_checked() {
        var buckets = Calibration.of(List.of(
                new Prediction(10, false), new Prediction(15, true), new Prediction(15, false), // [10, 20)
                new Prediction(9.99, true), // [0, 10)
                new Prediction(90, true), new Prediction(100, true), new Prediction(95, false))); // [90, 100]
        // [10, 20): mean (10 + 15 + 15) / 3 = 13.33; 1 of 3 came true = 33.3 %
        assertThat(buckets.get(1).count()).isEqualTo(3);
        assertThat(buckets.get(1).meanPredicted()).isCloseTo(40.0 / 3, within(1e-12));
        assertThat(buckets.get(1).observed()).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(buckets.get(0)).isEqualTo(new Bucket(0, 10, 1, 9.99, 100));
        // [90, 100]: mean 95, 2 of 3 true
        assertThat(buckets.get(9).count()).isEqualTo(3);
        assertThat(buckets.get(9).meanPredicted()).isCloseTo(95, within(1e-12));
        assertThat(buckets.get(9).observed()).isCloseTo(200.0 / 3, within(1e-12));
    }

    @Test
    void there_are_always_ten_buckets_and_empty_ones_have_no_means() {
        var buckets = Calibration.of(List.of());
        assertThat(buckets).hasSize(10);
        assertThat(buckets).extracting(Bucket::fromPercent).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(buckets).extracting(Bucket::toPercent).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(buckets).allSatisfy(b -> {
            assertThat(b.count()).isZero();
            assertThat(b.meanPredicted()).isNaN();
            assertThat(b.observed()).isNaN();
        });
    }

    @Test
    void a_value_just_below_a_bound_stays_in_the_lower_bucket() {
        assertThat(Calibration.bucket(Math.nextDown(30.0))).isEqualTo(2);
        assertThat(Calibration.bucket(30.0)).isEqualTo(3);
        assertThat(Calibration.bucket(0.0)).isEqualTo(0);
        assertThat(Calibration.bucket(Math.nextDown(100.0))).isEqualTo(9);
        assertThat(Calibration.bucket(100.0)).isEqualTo(9);
    }

    @Test
    void predictions_outside_zero_to_a_hundred_are_rejected() {
        assertThatThrownBy(() -> new Prediction(-0.5, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Prediction(100.5, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Prediction(Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invariants_hold_for_many_random_sets_of_predictions() {
        var random = new Random(31);
        for (int run = 0; run < 500; run++) {
            var predictions = new ArrayList<Prediction>();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                double percent = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(101); // whole percentages, bounds included
                    case 1 -> Math.nextDown(10.0 * (1 + random.nextInt(10))); // just below a bound
                    default -> random.nextDouble() * 100;
                };
                predictions.add(new Prediction(percent, random.nextBoolean()));
            }
            var buckets = Calibration.of(predictions);
            assertThat(buckets).hasSize(10);
            assertThat(buckets.stream().mapToInt(Bucket::count).sum()).isEqualTo(n);
            for (int b = 0; b < 10; b++) {
                Bucket bucket = buckets.get(b);
                assertThat(bucket.fromPercent()).isEqualTo(10 * b);
                assertThat(bucket.toPercent()).isEqualTo(10 * b + 10);
                if (bucket.count() == 0) {
                    assertThat(bucket.meanPredicted()).isNaN();
                    continue;
                }
                assertThat(bucket.meanPredicted()).isBetween((double) bucket.fromPercent(), (double) bucket.toPercent());
                if (b < 9) {
                    assertThat(bucket.meanPredicted()).isLessThan(bucket.toPercent());
                }
                assertThat(bucket.observed()).isBetween(0.0, 100.0);
                long inBucket = predictions.stream().filter(p -> p.percent() >= bucket.fromPercent()
                        && (p.percent() < bucket.toPercent() || bucket.toPercent() == 100)).count();
                assertThat(bucket.count()).isEqualTo(inBucket);
            }
        }
    }
}
