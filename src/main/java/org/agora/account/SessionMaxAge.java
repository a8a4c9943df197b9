package org.agora.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.agora.shared.text.LogSafe;
import org.agora.shared.web.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session lifetime ({@code agora.security.session-max-age}): a session older than this ends on its
 * next request, however active it was, and the member signs in again. The idle timeout
 * ({@code server.servlet.session.timeout}, 30 min) alone would let a stolen session cookie, or a browser left
 * signed in on a shared computer, live for ever as long as something keeps using it.
 *
 * <p>A signed-in session's age counts from the login (recorded here as Spring Security's session strategy), not
 * from an anonymous visit before it; a session that never signed in counts from its creation. Ending it
 * invalidates the servlet session before Spring Security reads it, so the request goes on anonymously: a page
 * that needs a login redirects to {@code /login}, and Vaadin answers its client's next request with "session
 * expired" (the client then reloads). {@link SessionTracker} notices the invalidation and ends the session's row,
 * so it leaves the member's list of sessions.
 *
 * <p>Why 12 hours by default: NIST SP 800-63B (rev. 3, AAL2) asks for re-authentication at least every 12 hours
 * regardless of activity, and after 30 idle minutes, which is Agora's idle timeout. A day of debating fits in one
 * session, so a member signs in at most about once a day, and a session left open overnight is over by morning.
 */
final class SessionMaxAge extends OncePerRequestFilter implements SessionAuthenticationStrategy {
    static final String STARTED_AT = "agora.session.startedAt";
    private static final Logger log = LoggerFactory.getLogger("org.agora.security.session");

    private final Duration maxAge;
    private volatile Clock clock;

    SessionMaxAge(Duration maxAge, Clock clock) {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("agora.security.session-max-age must be positive, was " + maxAge);
        }
        this.maxAge = maxAge;
        this.clock = clock;
    }

    Duration maxAge() {
        return maxAge;
    }

    /** Tests look at sessions from later in time; returns the clock used until now. */
    Clock useClock(Clock clock) {
        Clock previous = this.clock;
        this.clock = clock;
        return previous;
    }

    /** Called by Spring Security right after a successful login (after the session id was changed). */
    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        request.getSession().setAttribute(STARTED_AT, clock.instant());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                Instant startedAt = session.getAttribute(STARTED_AT) instanceof Instant login
                        ? login : Instant.ofEpochMilli(session.getCreationTime());
                if (!clock.instant().isBefore(startedAt.plus(maxAge))) {
                    log.info("session older than {} ended: signed in={}, address={}", maxAge,
                            session.getAttribute(STARTED_AT) != null, LogSafe.of(ClientAddress.of(request)));
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // another request ended it meanwhile: nothing left to end
            }
        }
        chain.doFilter(request, response);
    }
}
