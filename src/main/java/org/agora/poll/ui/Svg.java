package org.agora.poll.ui;

import java.util.Locale;
import java.util.UUID;

/** What the hand-written SVG charts share: escaping, number formats, unique ids, the opening tag. */
final class Svg {
    private Svg() {
    }

    /** Escaped for XML text and attributes; characters XML cannot hold at all (control characters) are dropped. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        var out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        }
                    } else if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A coordinate with one decimal, whatever the locale. */
    static String num(double v) {
        long tenths = Math.round(v * 10); // not String.format: charts have hundreds of numbers
        String sign = tenths < 0 ? "-" : "";
        tenths = Math.abs(tenths);
        return sign + tenths / 10 + "." + tenths % 10;
    }

    /** "62%" or "62.5%" */
    static String percent(double p) {
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** Unique, so several charts can share a page. */
    static String id() {
        return "chart-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The opening tag with its text alternative: a title and a description, both named for screen readers. */
    static StringBuilder open(String cssClass, int width, int height, String id, String title, String description) {
        return new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"agora-chart ").append(cssClass)
                .append("\" role=\"img\" width=\"100%\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\">")
                .append("<title id=\"").append(id).append("-t\">").append(esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(esc(description)).append("</desc>");
    }

    /** A label in the page's text colour (Lumo's, or the inherited one: works in dark mode). */
    static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" class=\"agora-chart-label\" fill=\"currentColor\" font-size=\"14\">")
                .append(esc(text)).append("</text>");
    }

    /** A faint line in the text colour: gridlines and ticks. */
    static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String style) {
        svg.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" style=\"").append(style).append("\"/>");
    }

    static final String GRID = "stroke: currentColor; stroke-opacity: 0.2; stroke-width: 1";
    static final String ACCENT = "var(--lumo-primary-color, currentColor)";
}
