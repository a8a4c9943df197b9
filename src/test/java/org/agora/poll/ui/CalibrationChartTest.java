package org.agora.poll.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.agora.poll.Calibration;
import org.agora.poll.Calibration.Bucket;
import org.agora.poll.Calibration.Prediction;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class CalibrationChartTest {
    @Test
    void buckets_are_dots_at_predicted_against_observed_hand_checked() {
        var buckets = new ArrayList<>(Calibration.of(List.of()));
        buckets.set(2, new Bucket(20, 30, 4, 25, 40));
        buckets.set(8, new Bucket(80, 90, 1, 85, 100));
        var chart = SvgDocument.parse(CalibrationChart.svg("My calibration", buckets));
        // x = 60 + p × 2.5, y = 260 − o × 2.5: (25, 40) -> (122.5, 160); (85, 100) -> (272.5, 10)
        // radius: the largest bucket 10, one of four 10 × √¼ = 5
        assertThat(chart.all("circle")).extracting(c -> c.getAttribute("cx") + " " + c.getAttribute("cy") + " " + c.getAttribute("r"))
                .containsExactly("122.5 160.0 10.0", "272.5 10.0 5.0");
        assertThat(chart.all("circle").getFirst().getTextContent())
                .isEqualTo("20–30%: 4 predictions, 25% on average, 40% came true");
        // the diagonal of perfect calibration from (0 %, 0 %) to (100 %, 100 %)
        assertThat(chart.all("line")).anySatisfy(line -> {
            assertThat(line.getAttribute("x1") + "," + line.getAttribute("y1")).isEqualTo("60.0,260.0");
            assertThat(line.getAttribute("x2") + "," + line.getAttribute("y2")).isEqualTo("310.0,10.0");
        });
        assertThat(chart.texts()).contains("0%", "50%", "100%", "Predicted", "Came true");
        assertThat(chart.description()).contains("20–30%: 4 predictions", "80–90%: 1 prediction, 85% on average, 100% came true");
    }

    @Test
    void without_predictions_the_axes_say_there_is_nothing_yet() {
        var chart = SvgDocument.parse(CalibrationChart.svg("Mine", Calibration.of(List.of())));
        assertThat(chart.all("circle")).isEmpty();
        assertThat(chart.texts()).contains(CalibrationChart.NO_DATA);
        assertThat(chart.description()).isEqualTo(CalibrationChart.NO_DATA);
    }

    @Test
    void hostile_titles_are_text_and_the_chart_names_its_own_title_and_description() {
        String svg = CalibrationChart.svg("<script>alert(1)</script>", Calibration.of(List.of(new Prediction(30, true))));
        assertThat(svg).doesNotContain("<script>");
        var chart = SvgDocument.parse(svg);
        assertThat(chart.title()).isEqualTo("<script>alert(1)</script>");
        assertThat(chart.all("script")).isEmpty();
        Element root = chart.root();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        var labelledBy = root.getAttribute("aria-labelledby").split(" ");
        assertThat(chart.all("title").getFirst().getAttribute("id")).isEqualTo(labelledBy[0]);
        assertThat(chart.all("desc").getFirst().getAttribute("id")).isEqualTo(labelledBy[1]);
    }

    @Test
    void every_random_chart_has_a_dot_inside_the_plot_for_each_bucket_with_predictions() {
        var random = new Random(23);
        for (int run = 0; run < 300; run++) {
            var predictions = new ArrayList<Prediction>();
            int n = random.nextInt(80);
            for (int i = 0; i < n; i++) {
                predictions.add(new Prediction(random.nextInt(3) == 0 ? 100 * random.nextInt(2) : random.nextDouble() * 100,
                        random.nextBoolean()));
            }
            var buckets = Calibration.of(predictions);
            var chart = SvgDocument.parse(CalibrationChart.svg("Run " + run, buckets));
            var dots = chart.all("circle");
            assertThat(dots).hasSize((int) buckets.stream().filter(b -> b.count() > 0).count());
            for (var dot : dots) {
                assertThat(Double.parseDouble(dot.getAttribute("cx"))).isBetween(CalibrationChart.LEFT, CalibrationChart.RIGHT);
                assertThat(Double.parseDouble(dot.getAttribute("cy"))).isBetween(CalibrationChart.TOP, CalibrationChart.BOTTOM);
                assertThat(Double.parseDouble(dot.getAttribute("r")))
                        .isBetween(CalibrationChart.MIN_RADIUS, CalibrationChart.MAX_RADIUS);
            }
        }
    }
}
