package org.agora.poll.ui;

import static org.agora.poll.ui.Svg.num;
import static org.agora.poll.ui.Svg.percent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A forecast over time as server-rendered SVG: the percentage (0–100 %, gridlines at 0, 50 and 100 %) against
 * time, with the first, middle and last dates labelled (ISO dates, with the time of day when the whole chart spans
 * less than two days).
 * <p>
 * A forecast holds until it changes, so the line is drawn in steps: flat until the next point, then straight up or
 * down. The last point, the current forecast, is a dot; a single point is only a dot. Without points the chart is
 * a short SVG saying there are no forecasts yet (not an empty string, so a page's layout does not jump).
 * <p>
 * Like {@link BarChart}: a title and description for screen readers, colours from Lumo's custom properties or
 * {@code currentColor} (dark mode aware), escaped text, ids unique per chart.
 */
final class LineChart {
    /** The forecast at a time, 0..100 %. */
    record Point(Instant at, double percent) {
        Point {
            if (at == null || !(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("a point needs a time and 0..100 %, not " + at + ", " + percent);
            }
        }
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 240;
    /** The plotting area: time runs from LEFT to RIGHT, 100 % is at TOP and 0 % at BOTTOM. */
    static final double LEFT = 48, RIGHT = 584, TOP = 12, BOTTOM = 204;
    static final String NO_DATA = "No forecasts yet.";

    private LineChart() {
    }

    /** Dates in UTC. */
    static String svg(String title, List<Point> points) {
        return svg(title, points, ZoneOffset.UTC);
    }

    /** @param zone the time zone the dates are labelled in */
    static String svg(String title, List<Point> points, ZoneId zone) {
        String id = Svg.id();
        if (points.isEmpty()) {
            var svg = Svg.open("agora-line-chart", WIDTH, 40, id, title, NO_DATA);
            Svg.text(svg, WIDTH / 2.0, 26, "middle", NO_DATA);
            return svg.append("</svg>").toString();
        }
        var sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(Point::at));
        Instant first = sorted.getFirst().at();
        Instant last = sorted.getLast().at();
        var dates = DateTimeFormatter.ofPattern(Duration.between(first, last).compareTo(Duration.ofDays(2)) < 0
                ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd").withZone(zone);

        var svg = Svg.open("agora-line-chart", WIDTH, HEIGHT, id, title, describe(sorted, dates));
        for (int p : new int[] {0, 50, 100}) {
            Svg.line(svg, LEFT, y(p), RIGHT, y(p), Svg.GRID);
            Svg.text(svg, LEFT - 6, y(p) + 5, "end", p + "%");
        }
        if (first.equals(last)) {
            tick(svg, x(first, first, last), "middle", dates.format(first));
        } else {
            tick(svg, LEFT, "start", dates.format(first));
            tick(svg, (LEFT + RIGHT) / 2, "middle", dates.format(first.plus(Duration.between(first, last).dividedBy(2))));
            tick(svg, RIGHT, "end", dates.format(last));
        }
        if (sorted.size() > 1) {
            svg.append("<polyline points=\"");
            for (int i = 0; i < sorted.size(); i++) {
                double x = x(sorted.get(i).at(), first, last);
                if (i > 0) { // flat from the previous point until this one, then up or down
                    svg.append(num(x)).append(',').append(num(y(sorted.get(i - 1).percent()))).append(' ');
                }
                svg.append(num(x)).append(',').append(num(y(sorted.get(i).percent()))).append(i + 1 < sorted.size() ? " " : "");
            }
            svg.append("\" fill=\"none\" style=\"stroke: ").append(Svg.ACCENT)
                    .append("; stroke-width: 2; stroke-linejoin: round\"/>");
        }
        Point now = sorted.getLast();
        svg.append("<circle cx=\"").append(num(x(now.at(), first, last))).append("\" cy=\"").append(num(y(now.percent())))
                .append("\" r=\"4\" style=\"fill: ").append(Svg.ACCENT).append("\"/>");
        return svg.append("</svg>").toString();
    }

    /** @return the horizontal position of {@code at}; the middle when the chart spans no time */
    static double x(Instant at, Instant first, Instant last) {
        if (first.equals(last)) {
            return (LEFT + RIGHT) / 2;
        }
        double share = seconds(Duration.between(first, at)) / seconds(Duration.between(first, last));
        return LEFT + share * (RIGHT - LEFT);
    }

    static double y(double percent) {
        return BOTTOM - percent / 100 * (BOTTOM - TOP);
    }

    private static void tick(StringBuilder svg, double x, String anchor, String label) {
        Svg.line(svg, x, BOTTOM, x, BOTTOM + 5, Svg.GRID);
        Svg.text(svg, x, BOTTOM + 22, anchor, label);
    }

    private static String describe(List<Point> points, DateTimeFormatter dates) {
        Point first = points.getFirst();
        Point last = points.getLast();
        if (points.size() == 1) {
            return percent(first.percent()) + " on " + dates.format(first.at()) + ".";
        }
        double low = points.stream().mapToDouble(Point::percent).min().orElseThrow();
        double high = points.stream().mapToDouble(Point::percent).max().orElseThrow();
        return percent(first.percent()) + " on " + dates.format(first.at()) + ", " + percent(last.percent()) + " on "
                + dates.format(last.at()) + "; lowest " + percent(low) + ", highest " + percent(high) + ", "
                + points.size() + " points.";
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
