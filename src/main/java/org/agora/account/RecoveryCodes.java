package org.agora.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recovery codes: 16 random characters of lowercase base32 (80 bits), shown as {@code abcd-efgh-ijkm-nopq}. So
 * much entropy makes a plain SHA-256 hash safe to store (nothing to guess offline), as for the mailed tokens.
 */
final class RecoveryCodes {
    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int LENGTH = 16;
    private static final Pattern NORMALIZED = Pattern.compile("[a-z2-7]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        var codes = new ArrayList<String>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            var code = new StringBuilder(LENGTH + 3);
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The code as stored (lowercase, without dashes or spaces), or null if it cannot be a recovery code. */
    static String normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return NORMALIZED.matcher(code).matches() ? code : null;
    }

    static byte[] hash(String normalized) {
        return TokenRepository.hash(normalized);
    }
}
