package org.agora.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The community forecast over time, from the history of ballot changes, as at most {@code maxPoints} points for a
 * chart.
 * <p>
 * After each change, the forecasts held are ordered by their last update (a new forecast, even an unchanged
 * number, makes it the newest) and their {@link CommunityForecast#recencyWeightedMedian recency-weighted median} is
 * the community forecast. The time from the first to the last change is cut into {@code maxPoints} equal steps;
 * for every step in which something changed, one point shows the state after the step's last change, at that
 * change's time. The last state is therefore always shown, and changes at one instant are shown together. Points
 * where nobody holds a forecast are left out.
 * <p>
 * The state is kept up to date change by change (O(1) each); the median is computed only for the points shown, so
 * the work is O(changes + points × forecasters × log forecasters): for 10,000 changes by 1,000 forecasters, well
 * under a second with a chart's few hundred points, and about that even if every change were shown.
 */
public final class CommunityForecastHistory {
    /** A voter's ballot change: their new forecast (1..99 %), or null when they retracted it. */
    public record Change(Instant at, long voterId, Integer newPercent) {
        public Change {
            if (at == null) {
                throw new IllegalArgumentException("a change needs a time");
            }
            if (newPercent != null && (newPercent < 1 || newPercent > 99)) {
                throw new IllegalArgumentException("a forecast is 1..99 %, not " + newPercent);
            }
        }
    }

    /** The community forecast after the changes up to {@code at}, and how many forecasts it combines. */
    public record Point(Instant at, double percent, int forecasters) {
    }

    private CommunityForecastHistory() {
    }

    /**
     * @param changes   ballot changes in time order (sorted stably if not, so same-instant changes keep theirs)
     * @param maxPoints at most this many points come back, at least 1
     */
    public static List<Point> of(List<Change> changes, int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1, not " + maxPoints);
        }
        var sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::at));
        if (sorted.isEmpty()) {
            return List.of();
        }
        var points = new ArrayList<Point>();
        Instant first = sorted.getFirst().at();
        Duration span = Duration.between(first, sorted.getLast().at());
        var held = new LinkedHashMap<Long, Integer>(); // voter → forecast, oldest update first
        int nextStep = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Change change = sorted.get(i);
            held.remove(change.voterId()); // an update moves the voter to the newest end
            if (change.newPercent() != null) {
                held.put(change.voterId(), change.newPercent());
            }
            int step = nextStep;
            nextStep = i + 1 < sorted.size() ? step(sorted.get(i + 1).at(), first, span, maxPoints) : -1;
            boolean lastOfStep = nextStep != step;
            if (lastOfStep && !held.isEmpty()) {
                var oldestFirst = List.copyOf(held.values());
                points.add(new Point(change.at(), CommunityForecast.recencyWeightedMedian(oldestFirst), held.size()));
            }
        }
        return List.copyOf(points);
    }

    /** @return which of the {@code steps} equal parts of [first, first + span] {@code at} lies in (the end in the last) */
    static int step(Instant at, Instant first, Duration span, int steps) {
        if (span.isZero()) {
            return 0;
        }
        // in doubles: rounding may move a step's edge by a nanosecond, but never breaks the order of the changes
        double share = seconds(Duration.between(first, at)) / seconds(span);
        return (int) Math.min(steps - 1, Math.floor(share * steps));
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
