package org.agora.shared.text;

/** Makes user-supplied values safe to write into log lines (no forged lines, bounded length). */
public final class LogSafe {
    private static final int MAX = 200;

    private LogSafe() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "-";
        }
        String s = value.toString();
        var out = new StringBuilder(Math.min(s.length(), MAX + 1));
        for (int i = 0; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '_' : c);
        }
        if (s.length() > MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
