package org.agora.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The answers of a poll as rows for splits, flows and cross-tabs: an option (ranked polls: the first
 * preference), a scale point, or a forecast quarter (1–24 %, 25–49 %, 50–74 %, 75–99 %).
 */
public final class Answers {
    static final int[] FORECAST_BOUNDS = {1, 25, 50, 75, 100};

    private Answers() {
    }

    /** One answer: a stable key within its poll and what to show. */
    public record Answer(String key, String label) {
    }

    public static List<Answer> of(Poll poll) {
        return switch (poll.kind()) {
            case SINGLE, MULTIPLE, RANKED -> poll.options().stream()
                    .map(o -> new Answer("o" + o.id(), o.label())).toList();
            case SCALE -> IntStream.iterate(poll.scaleMin(), v -> v <= poll.scaleMax(), v -> v + poll.scaleStep())
                    .mapToObj(v -> new Answer("v" + v, scaleLabel(poll, v))).toList();
            case FORECAST -> IntStream.range(0, 4).mapToObj(q -> new Answer("q" + q,
                    FORECAST_BOUNDS[q] + "–" + (FORECAST_BOUNDS[q + 1] - 1) + " %")).toList();
        };
    }

    /** The rows a ballot falls in (several for a multiple-choice ballot). */
    public static List<String> keys(Poll poll, Ballot ballot) {
        return switch (poll.kind()) {
            case SINGLE, MULTIPLE -> ballot.options().stream().map(o -> "o" + o).toList();
            case RANKED -> List.of("o" + ballot.options().getFirst());
            case SCALE -> List.of("v" + ballot.value());
            case FORECAST -> List.of("q" + quarter(ballot.value()));
        };
    }

    /** One key for the whole ballot (a multiple-choice ballot's options joined), for from→to flows. */
    static String wholeKey(Poll poll, Ballot ballot) {
        return String.join("+", keys(poll, ballot));
    }

    /** The label of a key from {@link #keys} or {@link #wholeKey}. */
    static String label(Poll poll, String key) {
        var labels = new ArrayList<String>();
        var all = of(poll);
        for (String part : key.split("\\+")) {
            labels.add(all.stream().filter(a -> a.key().equals(part)).map(Answer::label).findFirst().orElse(part));
        }
        return labels.stream().collect(Collectors.joining(" + "));
    }

    static int quarter(int percent) {
        int q = 0;
        while (q < 3 && percent >= FORECAST_BOUNDS[q + 1]) {
            q++;
        }
        return q;
    }

    /** A scale point with the poll's end label where it has one ("1 · Strongly disagree"). */
    public static String scaleLabel(Poll poll, int v) {
        if (v == poll.scaleMin() && poll.scaleLowLabel() != null) {
            return v + " · " + poll.scaleLowLabel();
        }
        if (v == poll.scaleMax() && poll.scaleHighLabel() != null) {
            return v + " · " + poll.scaleHighLabel();
        }
        return String.valueOf(v);
    }
}
