package org.agora.poll.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.agora.poll.ui.LineChart.Point;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class LineChartTest {
    private static final Instant DAY_ONE = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void points_are_placed_in_time_and_percent_hand_checked() {
        // x: 48 + share of the two days × 536 -> 48, 316, 584; y: 204 − p/100 × 192 -> 25 % 156, 75 % 60, 50 % 108
        var chart = SvgDocument.parse(LineChart.svg("Rain?", List.of(
                new Point(DAY_ONE.plus(Duration.ofDays(1)), 75), new Point(DAY_ONE, 25), // out of order
                new Point(DAY_ONE.plus(Duration.ofDays(2)), 50))));
        var line = chart.all("polyline").getFirst();
        assertThat(line.getAttribute("points")).isEqualTo("48.0,156.0 316.0,156.0 316.0,60.0 584.0,60.0 584.0,108.0");
        var dot = chart.all("circle").getFirst();
        assertThat(dot.getAttribute("cx")).isEqualTo("584.0");
        assertThat(dot.getAttribute("cy")).isEqualTo("108.0");
        assertThat(chart.all("line")).filteredOn(l -> l.getAttribute("x1").equals("48.0") && l.getAttribute("x2").equals("584.0"))
                .extracting(l -> l.getAttribute("y1")).containsExactly("204.0", "108.0", "12.0");
        assertThat(chart.texts()).contains("0%", "50%", "100%", "2025-03-01", "2025-03-02", "2025-03-03");
        assertThat(chart.title()).isEqualTo("Rain?");
        assertThat(chart.description())
                .isEqualTo("25% on 2025-03-01, 50% on 2025-03-03; lowest 25%, highest 75%, 3 points.");
    }

    @Test
    void a_single_point_is_a_dot_in_the_middle() {
        var chart = SvgDocument.parse(LineChart.svg("Rain?", List.of(new Point(DAY_ONE.plusSeconds(3600 * 9), 62.5))));
        assertThat(chart.all("polyline")).isEmpty();
        assertThat(chart.all("circle")).singleElement().satisfies(dot -> {
            assertThat(dot.getAttribute("cx")).isEqualTo("316.0");
            assertThat(dot.getAttribute("cy")).isEqualTo("84.0"); // 204 − 0.625 × 192
        });
        assertThat(chart.texts()).contains("2025-03-01 09:00");
        assertThat(chart.description()).isEqualTo("62.5% on 2025-03-01 09:00.");
    }

    @Test
    void no_points_make_a_short_chart_saying_so() {
        var chart = SvgDocument.parse(LineChart.svg("Rain?", List.of()));
        assertThat(chart.title()).isEqualTo("Rain?");
        assertThat(chart.texts()).containsExactly(LineChart.NO_DATA);
        assertThat(chart.all("circle")).isEmpty();
    }

    @Test
    void dates_are_labelled_in_the_given_time_zone() {
        var late = Instant.parse("2025-03-01T23:30:00Z");
        var chart = SvgDocument.parse(LineChart.svg("Rain?",
                List.of(new Point(late, 10), new Point(late.plus(Duration.ofDays(4)), 20)), ZoneId.of("Europe/Paris")));
        assertThat(chart.texts()).contains("2025-03-02", "2025-03-06").doesNotContain("2025-03-01");
    }

    @Test
    void hostile_titles_are_text_and_the_chart_names_its_own_title_and_description() {
        String svg = LineChart.svg("<script>alert('x')</script> & \"q\"\u0001", List.of(new Point(DAY_ONE, 50)));
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
        var chart = SvgDocument.parse(svg);
        assertThat(chart.title()).isEqualTo("<script>alert('x')</script> & \"q\"");
        assertThat(chart.all("script")).isEmpty();
        Element root = chart.root();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        var labelledBy = root.getAttribute("aria-labelledby").split(" ");
        assertThat(chart.all("title").getFirst().getAttribute("id")).isEqualTo(labelledBy[0]);
        assertThat(chart.all("desc").getFirst().getAttribute("id")).isEqualTo(labelledBy[1]);
        assertThat(LineChart.svg("again", List.of(new Point(DAY_ONE, 50)))).doesNotContain(labelledBy[0]);
    }

    @Test
    void percentages_outside_zero_to_a_hundred_are_rejected() {
        assertThatThrownBy(() -> new Point(DAY_ONE, 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Point(DAY_ONE, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_random_chart_is_well_formed_and_stays_in_its_plotting_area() {
        var random = new Random(17);
        for (int run = 0; run < 300; run++) {
            var points = new ArrayList<Point>();
            int n = random.nextInt(30);
            long span = 1 + random.nextLong(400L * 24 * 3600);
            for (int i = 0; i < n; i++) {
                points.add(new Point(DAY_ONE.plusSeconds(random.nextLong(span)), random.nextInt(4) == 0
                        ? 100 * random.nextInt(2) : random.nextDouble() * 100));
            }
            var chart = SvgDocument.parse(LineChart.svg("Run " + run, points));
            assertThat(chart.title()).isEqualTo("Run " + run);
            assertThat(chart.all("circle")).hasSize(n == 0 ? 0 : 1);
            assertThat(chart.all("polyline")).hasSize(n > 1 ? 1 : 0);
            for (var line : chart.all("polyline")) {
                var xy = Arrays.stream(line.getAttribute("points").split(" ")).map(p -> p.split(",")).toList();
                assertThat(xy).hasSize(2 * n - 1);
                double previousX = LineChart.LEFT;
                for (var p : xy) {
                    double x = Double.parseDouble(p[0]);
                    double y = Double.parseDouble(p[1]);
                    assertThat(x).isBetween(LineChart.LEFT, LineChart.RIGHT).isGreaterThanOrEqualTo(previousX);
                    assertThat(y).isBetween(LineChart.TOP, LineChart.BOTTOM);
                    previousX = x;
                }
            }
        }
    }
}
