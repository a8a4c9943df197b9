package org.agora.poll.ui;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Horizontal bars as server-rendered SVG (no chart library, no custom frontend bundle): labelled, with counts
 * and percentages, a title and description for screen readers, colours from Lumo's properties (dark mode aware).
 */
final class BarChart {
    record Bar(String label, long count) {
    }

    private BarChart() {
    }

    static String svg(String title, List<Bar> bars, long total) {
        int rowHeight = 34;
        int height = Math.max(1, bars.size()) * rowHeight + 6;
        var svg = new StringBuilder();
        String id = "chart-" + java.util.UUID.randomUUID().toString().substring(0, 8); // unique when several charts share a page
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"agora-chart\" role=\"img\" width=\"100%\" height=\"")
                .append(height).append("\" viewBox=\"0 0 600 ").append(height).append("\" aria-labelledby=\"")
                .append(id).append("-t ").append(id).append("-d\">")
                .append("<title id=\"").append(id).append("-t\">").append(esc(title)).append("</title><desc id=\"")
                .append(id).append("-d\">");
        for (Bar bar : bars) {
            svg.append(esc(bar.label())).append(": ").append(bar.count()).append(" (").append(percent(bar.count(), total))
                    .append("). ");
        }
        svg.append("</desc>");
        int y = 4;
        for (Bar bar : bars) {
            double share = total == 0 ? 0 : (double) bar.count() / total;
            int width = (int) Math.round(share * 380);
            svg.append("<text x=\"0\" y=\"").append(y + 20).append("\" class=\"agora-chart-label\">")
                    .append(esc(shorten(bar.label()))).append("</text>")
                    .append("<rect x=\"170\" y=\"").append(y + 6).append("\" width=\"380\" height=\"20\" rx=\"4\" class=\"agora-chart-track\"/>")
                    .append("<rect x=\"170\" y=\"").append(y + 6).append("\" width=\"").append(width)
                    .append("\" height=\"20\" rx=\"4\" class=\"agora-chart-bar\"/>")
                    .append("<text x=\"556\" y=\"").append(y + 20).append("\" class=\"agora-chart-value\">")
                    .append(percent(bar.count(), total)).append("</text>");
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    static String percent(long count, long total) {
        return total == 0 ? "0%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * count / total);
    }

    private static String shorten(String label) {
        return label.length() > 24 ? label.substring(0, 23) + "…" : label;
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
