package org.agora.poll;

import java.util.ArrayList;
import java.util.List;

/**
 * How well forecasts were calibrated: resolved predictions grouped by what they said, in ten buckets of 10 %
 * ([0, 10), [10, 20) … [80, 90), and [90, 100] with 100 in the last), each with the mean prediction and how
 * often the predicted event happened. Well calibrated forecasts of 30 % come true about 30 % of the time.
 * <p>
 * There are always ten buckets, in order. A bucket no prediction fell into has count 0 and {@code NaN} as both
 * means (there is nothing to average; charts leave it out).
 */
public final class Calibration {
    /** A resolved prediction: the probability given to yes (0..100 %) and whether it was yes. */
    public record Prediction(double percent, boolean yes) {
        public Prediction {
            if (!(percent >= 0 && percent <= 100)) { // NaN too
                throw new IllegalArgumentException("a prediction is 0..100 %, not " + percent);
            }
        }
    }

    /**
     * Predictions from {@code fromPercent} (inclusive) to {@code toPercent} (exclusive, but 100 is in the last):
     * their number, their mean in %, and the % of them that came true; both means NaN when the count is 0.
     */
    public record Bucket(int fromPercent, int toPercent, int count, double meanPredicted, double observed) {
    }

    static final int BUCKETS = 10;

    private Calibration() {
    }

    public static List<Bucket> of(List<Prediction> predictions) {
        int[] count = new int[BUCKETS];
        int[] yes = new int[BUCKETS];
        double[] sum = new double[BUCKETS];
        double[] min = new double[BUCKETS];
        double[] max = new double[BUCKETS];
        for (Prediction prediction : predictions) {
            int b = bucket(prediction.percent());
            min[b] = count[b] == 0 ? prediction.percent() : Math.min(min[b], prediction.percent());
            max[b] = count[b] == 0 ? prediction.percent() : Math.max(max[b], prediction.percent());
            count[b]++;
            sum[b] += prediction.percent();
            if (prediction.yes()) {
                yes[b]++;
            }
        }
        var buckets = new ArrayList<Bucket>(BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            int from = b * 10;
            if (count[b] == 0) {
                buckets.add(new Bucket(from, from + 10, 0, Double.NaN, Double.NaN));
            } else {
                // the clamp only undoes rounding: a mean never leaves the range of what it averages
                double mean = Math.clamp(sum[b] / count[b], min[b], max[b]);
                buckets.add(new Bucket(from, from + 10, count[b], mean, 100.0 * yes[b] / count[b]));
            }
        }
        return List.copyOf(buckets);
    }

    /** Compared, not divided, so that a value just below a bound never rounds into the next bucket. */
    static int bucket(double percent) {
        int b = Math.min(BUCKETS - 1, (int) (percent / 10));
        if (percent < b * 10) {
            b--;
        } else if (b < BUCKETS - 1 && percent >= (b + 1) * 10) {
            b++;
        }
        return b;
    }
}
