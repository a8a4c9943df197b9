package org.agora.debate.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.agora.shared.api.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A keyset position as clients see it: opaque base64url of {@code "<epoch microseconds>:<id>"}. Microseconds,
 * not milliseconds, because PostgreSQL keeps them: a cursor rounded to the millisecond would skip or repeat
 * rows written within the same millisecond.
 */
record Cursor(Instant at, long id) {
    private static final long MICROS = 1_000_000L;

    String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), MICROS), at.getNano() / 1_000);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @return null for no cursor (the first page) */
    static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() > 100) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            long micros = Long.parseLong(text.substring(0, colon));
            long id = Long.parseLong(text.substring(colon + 1));
            if (id <= 0) {
                throw new IllegalArgumentException("id");
            }
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1_000),
                    id);
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "api.badCursor");
        }
    }
}
