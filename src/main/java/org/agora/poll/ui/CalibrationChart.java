package org.agora.poll.ui;

import static org.agora.poll.ui.Svg.num;
import static org.agora.poll.ui.Svg.percent;

import java.util.List;
import org.agora.poll.Calibration;

/**
 * A calibration chart as server-rendered SVG: for each bucket of predictions, the mean prediction (x) against how
 * often they came true (y), both 0–100 %, with gridlines at 0, 50 and 100 % and the dashed diagonal of perfect
 * calibration. One dot per bucket with predictions, its area growing with their number (the largest bucket has
 * radius 10, a single prediction at least 3); each dot has its own tooltip title. Empty buckets (count 0, NaN
 * means) are left out; with none at all the axes are drawn with a note that there is nothing to show yet.
 * <p>
 * Like {@link BarChart}: a title and description for screen readers, colours from Lumo's custom properties or
 * {@code currentColor} (dark mode aware), escaped text, ids unique per chart.
 */
final class CalibrationChart {
    static final int WIDTH = 330;
    static final int HEIGHT = 312;
    /** The plotting area: 0 % predicted at LEFT, 100 % at RIGHT; 0 % observed at BOTTOM, 100 % at TOP. */
    static final double LEFT = 60, RIGHT = 310, TOP = 10, BOTTOM = 260;
    static final double MIN_RADIUS = 3, MAX_RADIUS = 10;
    static final String NO_DATA = "No resolved forecasts yet.";

    private CalibrationChart() {
    }

    static String svg(String title, List<Calibration.Bucket> buckets) {
        var shown = buckets.stream().filter(b -> b.count() > 0 && !Double.isNaN(b.meanPredicted())
                && !Double.isNaN(b.observed())).toList();
        int largest = shown.stream().mapToInt(Calibration.Bucket::count).max().orElse(0);
        var svg = Svg.open("agora-calibration-chart", WIDTH, HEIGHT, Svg.id(), title, describe(shown));
        for (int p : new int[] {0, 50, 100}) {
            Svg.line(svg, LEFT, y(p), RIGHT, y(p), Svg.GRID);
            Svg.line(svg, x(p), TOP, x(p), BOTTOM, Svg.GRID);
            Svg.text(svg, LEFT - 6, y(p) + 5, "end", p + "%");
            Svg.text(svg, x(p), BOTTOM + 20, "middle", p + "%");
        }
        Svg.text(svg, (LEFT + RIGHT) / 2, BOTTOM + 44, "middle", "Predicted");
        svg.append("<g transform=\"rotate(-90)\">");
        Svg.text(svg, -(TOP + BOTTOM) / 2, 18, "middle", "Came true");
        svg.append("</g>");
        Svg.line(svg, x(0), y(0), x(100), y(100),
                "stroke: currentColor; stroke-opacity: 0.5; stroke-width: 1; stroke-dasharray: 4 4");
        if (shown.isEmpty()) {
            Svg.text(svg, (LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2 - 12, "middle", NO_DATA);
        }
        for (var bucket : shown) {
            svg.append("<circle cx=\"").append(num(x(bucket.meanPredicted()))).append("\" cy=\"")
                    .append(num(y(bucket.observed()))).append("\" r=\"").append(num(radius(bucket.count(), largest)))
                    .append("\" style=\"fill: ").append(Svg.ACCENT).append("; fill-opacity: 0.8\"><title>")
                    .append(Svg.esc(sentence(bucket))).append("</title></circle>");
        }
        return svg.append("</svg>").toString();
    }

    static double x(double predicted) {
        return LEFT + predicted / 100 * (RIGHT - LEFT);
    }

    static double y(double observed) {
        return BOTTOM - observed / 100 * (BOTTOM - TOP);
    }

    /** Area in proportion to the count, between the smallest visible dot and the largest. */
    static double radius(int count, int largest) {
        return Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt((double) count / largest));
    }

    private static String describe(List<Calibration.Bucket> shown) {
        if (shown.isEmpty()) {
            return NO_DATA;
        }
        var text = new StringBuilder("Predicted against observed; on the diagonal is perfect calibration. ");
        shown.forEach(b -> text.append(sentence(b)).append(". "));
        return text.toString().strip();
    }

    private static String sentence(Calibration.Bucket b) {
        return b.fromPercent() + "–" + b.toPercent() + "%: " + b.count() + (b.count() == 1 ? " prediction" : " predictions")
                + ", " + percent(Math.round(b.meanPredicted() * 10) / 10.0) + " on average, "
                + percent(Math.round(b.observed() * 10) / 10.0) + " came true";
    }
}
