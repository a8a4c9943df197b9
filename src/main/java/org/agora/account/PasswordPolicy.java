package org.agora.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.stereotype.Component;

/**
 * NIST 800-63B style: at least 8 characters, long passphrases welcome (up to {@value #MAX_LENGTH}, never
 * truncated), no composition rules; guessable passwords are refused by nbvcxz, a zxcvbn port that ships
 * its own dictionaries of common passwords, names and words, with the member's own username and email
 * added as words to avoid.
 */
@Component
public class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1000;

    private static final List<Dictionary> DEFAULT_DICTIONARIES = ConfigurationBuilder.getDefaultDictionaries();

    /**
     * The estimate of a password: a 0..4 score for the meter and, if refused, why: a message key, plus
     * nbvcxz's own localised hint where it has one.
     */
    public record Strength(int score, boolean acceptable, String problemKey, String hint) {
    }

    public Strength evaluate(String password, Locale locale, String... userWords) {
        if (password == null || password.isEmpty()) {
            return new Strength(0, false, "password.tooShort", null);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return new Strength(0, false, "password.tooShort", null);
        }
        if (length > MAX_LENGTH) {
            return new Strength(0, false, "password.tooLong", null);
        }
        Result result = estimator(locale, userWords).estimate(password);
        if (!result.isMinimumEntropyMet()) {
            String warning = result.getFeedback().getWarning();
            return new Strength(Math.min(result.getBasicScore(), 2), false, "password.guessable",
                    warning == null || warning.isBlank() ? null : warning);
        }
        return new Strength(result.getBasicScore(), true, null, null);
    }

    private static Nbvcxz estimator(Locale locale, String... userWords) {
        var dictionaries = new ArrayList<>(DEFAULT_DICTIONARIES);
        var own = new DictionaryBuilder().setDictionaryName("account").setExclusion(true);
        for (String word : userWords) {
            if (word == null || word.isBlank()) {
                continue;
            }
            String w = word.toLowerCase(Locale.ROOT);
            own.addWord(w, 0);
            int at = w.indexOf('@');
            if (at > 0) {
                own.addWord(w.substring(0, at), 0);
            }
        }
        own.addWord("agora", 0);
        dictionaries.add(own.createDictionary());
        return new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setLocale(locale == null ? Locale.ENGLISH : locale)
                .setMaxLength(256)
                .createConfiguration());
    }
}
