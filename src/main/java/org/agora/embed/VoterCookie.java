package org.agora.embed;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * The second place a reader's voter token is kept, beside the widget's localStorage: a cookie scoped to one poll's
 * widget API, {@code Secure; HttpOnly; SameSite=None; Partitioned}. Partitioned (CHIPS) means the browser keeps it
 * per top-level site, so it works inside another site's page where third-party cookies are otherwise refused, and
 * cannot follow the reader across sites. Browsers without CHIPS may drop it; the widget's own copy still works.
 * It is no session: it carries only the signed token, which the API verifies like one sent in the body.
 */
final class VoterCookie {
    private VoterCookie() {
    }

    static String name(long pollId) {
        return "agora_voter_" + pollId;
    }

    static String path(long pollId) {
        return "/api/v1/polls/" + pollId + "/";
    }

    static String header(long pollId, String token, Instant expiresAt, Instant now) {
        return ResponseCookie.from(name(pollId), token)
                .path(path(pollId))
                .maxAge(Duration.between(now, expiresAt).isNegative() ? Duration.ZERO : Duration.between(now, expiresAt))
                .secure(true)
                .httpOnly(true)
                .sameSite("None")
                .partitioned(true)
                .build().toString();
    }

    /** The token the request's cookie carries for this poll, if any (unverified). */
    static Optional<String> token(HttpServletRequest request, long pollId) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String name = name(pollId);
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank())
                .map(Cookie::getValue).findFirst();
    }
}
