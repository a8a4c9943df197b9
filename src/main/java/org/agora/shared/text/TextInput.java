package org.agora.shared.text;

import java.text.Normalizer;

/** Normalises text typed by people: NFC, no control characters, trimmed. */
public final class TextInput {
    private TextInput() {
    }

    /** NFC-normalises, drops control and bidi-override characters (keeps newlines if asked) and trims. */
    public static String clean(String raw, boolean keepNewlines) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        var out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' && keepNewlines) {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp) && !isInvisibleFormatting(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    public static String clean(String raw) {
        return clean(raw, false);
    }

    private static boolean isInvisibleFormatting(int cp) {
        // bidi overrides and isolates can make a name display as something else
        // zero-width space and word joiner hide text; ZWJ/ZWNJ stay (emoji sequences, Persian)
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF
                || cp == 0x200B || cp == 0x2060;
    }

    /** True if nothing visible is left: only whitespace and invisible format characters. */
    public static boolean isBlank(String s) {
        return s == null || s.codePoints().allMatch(cp -> Character.isWhitespace(cp)
                || Character.getType(cp) == Character.FORMAT || Character.isSpaceChar(cp));
    }

    /** Length in characters as a person counts them (code points, not UTF-16 units). */
    public static int length(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    /** At most the first {@code max} characters (code points), with "…" when something was cut: for quoting input back. */
    public static String first(String s, int max) {
        return length(s) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }
}
