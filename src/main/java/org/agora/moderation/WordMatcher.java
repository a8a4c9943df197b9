package org.agora.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agora.shared.filter.Links;

/**
 * Watched words compiled for matching. A text and a word match after both are NFKC-normalised and stripped of
 * format characters (zero-width spaces and joiners, soft hyphens), ignoring case (Unicode), with the word's
 * letters or digits at its edges not running on into other letters or digits ("ass" does not match "class"),
 * and any run of white space in a phrase matching any run of white space.
 */
final class WordMatcher {
    /** A watched word and its pattern. */
    record Compiled(WatchedWord word, Pattern pattern) {
    }

    private static final String WORD_CHAR = "[\\p{L}\\p{N}\\p{M}_]";

    private final List<Compiled> words;

    WordMatcher(List<WatchedWord> words) {
        var compiled = new ArrayList<Compiled>();
        for (WatchedWord w : words) {
            compiled.add(new Compiled(w, pattern(w.word())));
        }
        this.words = List.copyOf(compiled);
    }

    /** The normalized form two words share when they are the same watched word. */
    static String normalize(String word) {
        return Links.normalize(word).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static Pattern pattern(String word) {
        String w = normalize(word);
        var regex = new StringBuilder();
        if (!w.isEmpty() && isWordChar(w.codePointAt(0))) {
            regex.append("(?<!").append(WORD_CHAR).append(')');
        }
        String[] parts = w.split(" ");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\p{Z}]+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        if (!w.isEmpty() && isWordChar(w.codePointBefore(w.length()))) {
            regex.append("(?!").append(WORD_CHAR).append(')');
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /** The first watched word with this action in the (normalized) text, if any. */
    Optional<WatchedWord> first(String normalizedText, WatchedWord.Action action) {
        return words.stream().filter(c -> c.word().action() == action)
                .filter(c -> c.pattern().matcher(normalizedText).find()).map(Compiled::word).findFirst();
    }

    /** Any watched word in the (normalized) text, whatever its action. */
    Optional<WatchedWord> any(String normalizedText) {
        return words.stream().filter(c -> c.pattern().matcher(normalizedText).find()).map(Compiled::word)
                .findFirst();
    }

    /** The text with every REPLACE word replaced, or the very same string when none occurs. */
    String replace(String text, String normalizedText) {
        String result = normalizedText;
        boolean replaced = false;
        for (Compiled c : words) {
            if (c.word().action() != WatchedWord.Action.REPLACE) {
                continue;
            }
            Matcher m = c.pattern().matcher(result);
            if (m.find()) {
                result = m.replaceAll(Matcher.quoteReplacement(c.word().replacement()));
                replaced = true;
            }
        }
        return replaced ? result : text;
    }

    boolean isEmpty() {
        return words.isEmpty();
    }
}
