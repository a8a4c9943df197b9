package org.agora.moderation.ui;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.util.HtmlUtils;

/**
 * Moderation actions per day as vertical bars, in server-rendered SVG like the poll charts (no chart library):
 * a title and a description for screen readers, colours from Lumo's properties (dark mode aware).
 */
final class ActivityChart {
    static final int WIDTH = 560;
    static final int HEIGHT = 180;

    private ActivityChart() {
    }

    static String svg(String title, Map<LocalDate, Long> perDay, Locale locale) {
        String id = "activity-" + UUID.randomUUID().toString().substring(0, 8);
        long max = Math.max(1, perDay.values().stream().mapToLong(Long::longValue).max().orElse(1));
        var description = new StringBuilder();
        perDay.forEach((day, n) -> description.append(day).append(": ").append(n).append(". "));
        var svg = new StringBuilder(2048)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"agora-chart agora-activity-chart\" role=\"img\"")
                .append(" width=\"100%\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">")
                .append("<title id=\"").append(id).append("-t\">").append(esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(esc(description.toString().strip()))
                .append("</desc>");
        int n = Math.max(1, perDay.size());
        int slot = WIDTH / n;
        int barWidth = Math.max(8, slot - 24);
        int chartTop = 24;
        int chartBottom = HEIGHT - 28;
        int i = 0;
        for (var e : perDay.entrySet()) {
            int x = i * slot + (slot - barWidth) / 2;
            int height = (int) Math.round((double) e.getValue() / max * (chartBottom - chartTop));
            int y = chartBottom - height;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(chartTop).append("\" width=\"").append(barWidth)
                    .append("\" height=\"").append(chartBottom - chartTop).append("\" rx=\"3\" class=\"agora-chart-track\"/>")
                    .append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(barWidth)
                    .append("\" height=\"").append(height).append("\" rx=\"3\" class=\"agora-chart-bar\"/>")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(Math.max(16, y - 6))
                    .append("\" text-anchor=\"middle\" class=\"agora-chart-value\">").append(e.getValue()).append("</text>")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(HEIGHT - 8)
                    .append("\" text-anchor=\"middle\" class=\"agora-chart-label\">")
                    .append(esc(e.getKey().getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " "
                            + e.getKey().getDayOfMonth()))
                    .append("</text>");
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
