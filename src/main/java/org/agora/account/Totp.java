package org.agora.account;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app knows them: SHA-1, 6 digits, 30-second
 * steps, a 160-bit secret in base32. Codes come from dev.samstevens.totp; this class adds the one thing its
 * verifier does not tell: which time step a code matched, so that a used step can be refused afterwards.
 */
final class Totp {
    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    /** Codes of one step before or after the server's are accepted too (clock drift, typing time). */
    static final int ALLOWED_DRIFT_STEPS = 1;
    static final String ISSUER = "Agora";
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");
    private static final Pattern SECRET = Pattern.compile("[A-Z2-7]{16,64}");
    private static final DefaultSecretGenerator SECRETS = new DefaultSecretGenerator(32);
    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    private Totp() {
    }

    /** A new random secret: 32 base32 characters (160 bits, as RFC 4226 recommends). */
    static String newSecret() {
        return SECRETS.generate();
    }

    static boolean isSecret(String secret) {
        return secret != null && SECRET.matcher(secret).matches();
    }

    /** The time step an instant falls in. */
    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code an authenticator app shows for this secret during this time step. */
    static String code(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP code generation failed", e);
        }
    }

    /** The time step (within the allowed drift of {@code now}) whose code this is, if any. */
    static OptionalLong matchingStep(String secret, String typed, Instant now) {
        String code = normalizeCode(typed);
        if (code == null) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = -1;
        // every candidate is computed and compared in constant time, so timing does not tell which one matched
        for (long s = current - ALLOWED_DRIFT_STEPS; s <= current + ALLOWED_DRIFT_STEPS; s++) {
            if (MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII)) && found < 0) {
                found = s;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** The six digits of a typed code ("123 456" and "123-456" are fine), or null if it is not one. */
    static String normalizeCode(String typed) {
        if (typed == null || typed.length() > 20) {
            return null;
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return CODE.matcher(digits).matches() ? digits : null;
    }

    /** The otpauth:// URI an authenticator app reads from the QR code. */
    static String uri(String accountName, String secret) {
        return new QrData.Builder()
                .label(accountName)
                .secret(secret)
                .issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build()
                .getUri();
    }
}
