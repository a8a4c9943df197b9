package org.agora.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores of one forecaster on a resolved yes/no question, time-averaged as Metaculus does: every forecast counts
 * for as long as it was held within [opens, closes], until the forecaster changed or retracted it, or the question
 * closed.
 * <p>
 * Time without a forecast (before the first one, after a retraction) counts for nothing: the averages are over
 * the time a forecast was <em>held</em>. A forecast made before the question opened counts from the opening;
 * changes after the close are ignored. Two changes at the same instant: the later in the list wins (the earlier is
 * held for no time).
 * <ul>
 * <li><b>Brier score</b> (p − o)², p the probability given to yes, o = 1 if the answer was yes else 0: 0 is perfect,
 * lower is better; with forecasts of 1..99 % it lies in [0, 0.9801].</li>
 * <li><b>Log score</b> ln of the probability given to what happened (ln p if yes, ln(1 − p) if no): 0 is perfect,
 * higher is better; with 1..99 % it lies in [ln 0.01, ln 0.99].</li>
 * </ul>
 */
public final class ForecastScoring {
    /** A forecaster's change at a time: 1..99 %, or null when they retracted their forecast from then on. */
    public record Forecast(Instant at, Integer percent) {
        public Forecast {
            if (at == null) {
                throw new IllegalArgumentException("a forecast needs a time");
            }
            if (percent != null && (percent < 1 || percent > 99)) {
                throw new IllegalArgumentException("a forecast is 1..99 %, not " + percent);
            }
        }
    }

    /** Time-averaged scores and how long a forecast was held in the scored period. */
    public record Score(double brier, double log, Duration held) {
    }

    private ForecastScoring() {
    }

    /**
     * @param timeline the forecaster's changes, in any order
     * @param yes      how the question resolved
     * @return the time-averaged scores, empty if no forecast was held for a positive time within [opens, closes]
     */
    public static Optional<Score> score(List<Forecast> timeline, Instant opens, Instant closes, boolean yes) {
        if (closes.isBefore(opens)) {
            throw new IllegalArgumentException("a question closes after it opens: " + opens + " > " + closes);
        }
        var sorted = new ArrayList<>(timeline);
        sorted.sort(Comparator.comparing(Forecast::at)); // stable: same-instant changes keep their order
        // held time per probability given to the outcome, summed exactly: a constant forecast scores exactly its own
        // score, and p for yes exactly as 1 − p for no
        var heldAt = new Duration[100];
        var held = Duration.ZERO;
        for (int i = 0; i < sorted.size(); i++) {
            Integer percent = sorted.get(i).percent();
            Instant from = max(sorted.get(i).at(), opens);
            Instant to = i + 1 < sorted.size() ? min(sorted.get(i + 1).at(), closes) : closes;
            if (percent == null || !from.isBefore(to)) {
                continue;
            }
            var span = Duration.between(from, to);
            int given = yes ? percent : 100 - percent;
            heldAt[given] = heldAt[given] == null ? span : heldAt[given].plus(span);
            held = held.plus(span);
        }
        if (held.isZero()) {
            return Optional.empty();
        }
        double total = seconds(held);
        double brier = 0;
        double log = 0;
        for (int given = 1; given <= 99; given++) {
            if (heldAt[given] != null) {
                double weight = seconds(heldAt[given]) / total;
                brier += weight * brier(given, true);
                log += weight * log(given, true);
            }
        }
        return Optional.of(new Score(brier, log, held));
    }

    /** @return the Brier score of one forecast of {@code percent} % for yes: (p − o)² */
    public static double brier(int percent, boolean yes) {
        requirePercent(percent);
        double miss = (yes ? 100 - percent : percent) / 100.0; // |p − o|, so p of yes and 1 − p of no score alike
        return miss * miss;
    }

    /** @return the log score of one forecast of {@code percent} % for yes: ln of the probability given to the outcome */
    public static double log(int percent, boolean yes) {
        requirePercent(percent);
        return Math.log((yes ? percent : 100 - percent) / 100.0);
    }

    private static void requirePercent(int percent) {
        if (percent < 1 || percent > 99) {
            throw new IllegalArgumentException("a forecast is 1..99 %, not " + percent);
        }
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
