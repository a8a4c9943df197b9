package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.agora.poll.ForecastScoring.Forecast;
import org.agora.poll.ForecastScoring.Score;
import org.junit.jupiter.api.Test;

class ForecastScoringTest {
    private static final Instant OPENS = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant CLOSES = hours(100);

    @Test
    void a_forecast_held_half_the_time_counts_half() {
        // 80 % for 50 h, then 20 % for 50 h; it resolved yes
        // Brier: ½·0.2² + ½·0.8² = ½·0.04 + ½·0.64 = 0.34; log: ½·ln 0.8 + ½·ln 0.2 = ½(−0.22314 − 1.60944) = −0.91629
        Score score = score(List.of(at(0, 80), at(50, 20)), true);
        assertThat(score.brier()).isCloseTo(0.34, within(1e-12));
        assertThat(score.log()).isCloseTo(-0.916291, within(1e-6));
        assertThat(score.held()).isEqualTo(Duration.ofHours(100));
    }

    @Test
    void time_before_the_first_forecast_is_not_scored() {
        // 70 % from hour 60 to the close: held 40 h, Brier (0.7 − 1)² = 0.09 as if held all along
        Score score = score(List.of(at(60, 70)), true);
        assertThat(score.brier()).isCloseTo(0.09, within(1e-12));
        assertThat(score.log()).isCloseTo(Math.log(0.7), within(1e-12));
        assertThat(score.held()).isEqualTo(Duration.ofHours(40));
    }

    @Test
    void a_retracted_forecast_stops_counting_until_the_next_one() {
        // 70 % for 25 h, nothing for 50 h, 30 % for 25 h; it resolved no
        // Brier: ½·0.7² + ½·0.3² = ½·0.49 + ½·0.09 = 0.29; log: ½·ln 0.3 + ½·ln 0.7
        Score score = score(List.of(at(0, 70), at(25, null), at(75, 30)), false);
        assertThat(score.brier()).isCloseTo(0.29, within(1e-12));
        assertThat(score.log()).isCloseTo((Math.log(0.3) + Math.log(0.7)) / 2, within(1e-12));
        assertThat(score.held()).isEqualTo(Duration.ofHours(50));
    }

    @Test
    void uneven_holding_times_weigh_by_time_hand_checked() {
        // 10 % for 20 h, 60 % for 80 h; yes: Brier 0.2·0.81 + 0.8·0.16 = 0.162 + 0.128 = 0.29
        Score score = score(List.of(at(20, 60), at(0, 10)), true); // given out of order
        assertThat(score.brier()).isCloseTo(0.29, within(1e-12));
        assertThat(score.log()).isCloseTo(0.2 * Math.log(0.1) + 0.8 * Math.log(0.6), within(1e-12));
    }

    @Test
    void a_forecast_made_before_the_opening_counts_from_the_opening_and_changes_after_the_close_do_not_count() {
        // 60 % from hour −10, changed to 90 % at hour 150 (after the close at 100): 60 % held 100 h; yes: 0.16
        Score score = score(List.of(at(-10, 60), at(150, 90)), true);
        assertThat(score.brier()).isCloseTo(0.16, within(1e-12));
        assertThat(score.held()).isEqualTo(Duration.ofHours(100));
    }

    @Test
    void the_later_of_two_changes_at_the_same_instant_wins() {
        Score score = score(List.of(at(0, 10), at(0, 90)), true);
        assertThat(score.brier()).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void no_forecast_held_for_any_time_scores_nothing() {
        assertThat(ForecastScoring.score(List.of(), OPENS, CLOSES, true)).isEmpty();
        assertThat(ForecastScoring.score(List.of(at(-5, 40), at(-1, null)), OPENS, CLOSES, true)).isEmpty();
        assertThat(ForecastScoring.score(List.of(at(100, 40)), OPENS, CLOSES, true)).as("made at the close").isEmpty();
        assertThat(ForecastScoring.score(List.of(at(120, 40)), OPENS, CLOSES, true)).isEmpty();
        assertThat(ForecastScoring.score(List.of(at(0, 40)), OPENS, OPENS, true)).as("never open").isEmpty();
    }

    @Test
    void forecasts_outside_one_to_ninety_nine_and_questions_closing_before_they_open_are_rejected() {
        assertThatThrownBy(() -> at(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ForecastScoring.score(List.of(at(0, 50)), CLOSES, OPENS, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void single_forecast_scores_hand_checked() {
        assertThat(ForecastScoring.brier(75, true)).isCloseTo(0.0625, within(1e-15));
        assertThat(ForecastScoring.brier(75, false)).isCloseTo(0.5625, within(1e-15));
        assertThat(ForecastScoring.log(75, true)).isCloseTo(Math.log(0.75), within(1e-15));
        assertThat(ForecastScoring.log(75, false)).isCloseTo(Math.log(0.25), within(1e-15));
        assertThat(ForecastScoring.brier(99, false)).isCloseTo(0.9801, within(1e-15));
        assertThat(ForecastScoring.log(1, true)).isEqualTo(Math.log(0.01));
        assertThat(ForecastScoring.log(99, false)).isEqualTo(Math.log(0.01));
    }

    @Test
    void invariants_hold_for_many_random_timelines() {
        var random = new Random(7);
        double worstLog = Math.log(0.01);
        for (int run = 0; run < 500; run++) {
            long length = 1 + random.nextInt(1_000);
            Instant closes = OPENS.plus(Duration.ofMinutes(length));
            var timeline = randomTimeline(random, length, true);
            boolean yes = random.nextBoolean();
            var score = ForecastScoring.score(timeline, OPENS, closes, yes);

            var segments = heldSegments(timeline, closes);
            assertThat(score.isPresent()).isEqualTo(!segments.isEmpty());
            if (score.isEmpty()) {
                continue;
            }
            Score s = score.orElseThrow();
            assertThat(s.brier()).isBetween(0.0, 0.9801 + 1e-12);
            assertThat(s.log()).isBetween(worstLog - 1e-12, 0.0);
            assertThat(s.held()).isPositive().isLessThanOrEqualTo(Duration.between(OPENS, closes))
                    .isEqualTo(segments.stream().map(Segment::held).reduce(Duration.ZERO, Duration::plus));

            // a held-time-weighted mean: between the best and worst forecast held, and equal to the plain formula
            double minBrier = segments.stream().mapToDouble(g -> ForecastScoring.brier(g.percent(), yes)).min().orElseThrow();
            double maxBrier = segments.stream().mapToDouble(g -> ForecastScoring.brier(g.percent(), yes)).max().orElseThrow();
            double minLog = segments.stream().mapToDouble(g -> ForecastScoring.log(g.percent(), yes)).min().orElseThrow();
            double maxLog = segments.stream().mapToDouble(g -> ForecastScoring.log(g.percent(), yes)).max().orElseThrow();
            assertThat(s.brier()).isBetween(minBrier - 1e-12, maxBrier + 1e-12);
            assertThat(s.log()).isBetween(minLog - 1e-12, maxLog + 1e-12);
            double total = segments.stream().mapToDouble(g -> g.held().toSeconds()).sum();
            double brier = segments.stream().mapToDouble(g -> g.held().toSeconds() * ForecastScoring.brier(g.percent(), yes)).sum() / total;
            assertThat(s.brier()).isCloseTo(brier, within(1e-9));

            // the other outcome: p for yes scores as 1 − p for no
            var mirrored = timeline.stream()
                    .map(f -> new Forecast(f.at(), f.percent() == null ? null : 100 - f.percent())).toList();
            Score other = ForecastScoring.score(mirrored, OPENS, closes, !yes).orElseThrow();
            assertThat(other.brier()).isEqualTo(s.brier());
            assertThat(other.log()).isEqualTo(s.log());
            assertThat(other.held()).isEqualTo(s.held());

            // the order given does not matter (when no two changes share an instant, whose order decides)
            var reordered = new ArrayList<>(timeline);
            Collections.shuffle(reordered, random);
            if (timeline.stream().map(Forecast::at).distinct().count() < timeline.size()) {
                continue;
            }
            assertThat(ForecastScoring.score(reordered, OPENS, closes, yes)).contains(s);
        }
    }

    @Test
    void a_constant_forecast_scores_exactly_its_own_score() {
        var random = new Random(11);
        for (int run = 0; run < 500; run++) {
            int percent = 1 + random.nextInt(99);
            long length = 1 + random.nextInt(1_000);
            boolean yes = random.nextBoolean();
            var timeline = randomTimeline(random, length, false).stream()
                    .map(f -> new Forecast(f.at(), percent)).toList();
            var score = ForecastScoring.score(timeline, OPENS, OPENS.plus(Duration.ofMinutes(length)), yes);
            score.ifPresent(s -> {
                assertThat(s.brier()).isCloseTo((percent / 100.0 - (yes ? 1 : 0)) * (percent / 100.0 - (yes ? 1 : 0)),
                        within(1e-15));
                assertThat(s.brier()).isEqualTo(ForecastScoring.brier(percent, yes));
                assertThat(s.log()).isCloseTo(Math.log(yes ? percent / 100.0 : 1 - percent / 100.0), within(1e-15));
                assertThat(s.log()).isEqualTo(ForecastScoring.log(percent, yes));
            });
        }
    }

    /** Minutes from {@link #OPENS}, some before the opening and some after the close. */
    private static List<Forecast> randomTimeline(Random random, long length, boolean retractions) {
        int n = random.nextInt(8);
        var timeline = new ArrayList<Forecast>();
        for (int i = 0; i < n; i++) {
            Instant at = OPENS.plus(Duration.ofMinutes(random.nextLong(-length / 4 - 1, length + length / 4 + 1)));
            Integer percent = retractions && random.nextInt(6) == 0 ? null : 1 + random.nextInt(99);
            timeline.add(new Forecast(at, percent));
        }
        return timeline;
    }

    private record Segment(int percent, Duration held) {
    }

    /** A plain reference: the stretches each forecast was held within [OPENS, closes]. */
    private static List<Segment> heldSegments(List<Forecast> timeline, Instant closes) {
        var sorted = timeline.stream().sorted(Comparator.comparing(Forecast::at)).toList();
        var segments = new ArrayList<Segment>();
        for (int i = 0; i < sorted.size(); i++) {
            Instant from = sorted.get(i).at().isBefore(OPENS) ? OPENS : sorted.get(i).at();
            Instant next = i + 1 < sorted.size() ? sorted.get(i + 1).at() : closes;
            Instant to = next.isAfter(closes) ? closes : next;
            if (sorted.get(i).percent() != null && from.isBefore(to)) {
                segments.add(new Segment(sorted.get(i).percent(), Duration.between(from, to)));
            }
        }
        return segments;
    }

    private static Score score(List<Forecast> timeline, boolean yes) {
        return ForecastScoring.score(timeline, OPENS, CLOSES, yes).orElseThrow();
    }

    private static Forecast at(long hour, Integer percent) {
        return new Forecast(hours(hour), percent);
    }

    private static Instant hours(long hour) {
        return OPENS.plus(Duration.ofHours(hour));
    }
}
