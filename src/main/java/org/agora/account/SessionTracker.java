package org.agora.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.shared.text.LogSafe;
import org.agora.shared.web.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a row per signed-in browser session in {@code account_session}, so that a member sees their sessions
 * and can end them, and a password reset (or, later, a suspension) ends them on every node: this node
 * invalidates its own sessions at once, other nodes notice within {@link #CHECK_EVERY} on the next request.
 */
public class SessionTracker extends OncePerRequestFilter
        implements SessionAuthenticationStrategy, HttpSessionListener, LogoutHandler {
    static final String KEY = "agora.session";
    private static final String CHECKED_AT = "agora.session.checkedAt";
    private static final String SEEN_AT = "agora.session.seenAt";
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger("org.agora.security.session");

    private final SessionRepository sessions;
    private final Clock clock;
    private final Map<UUID, HttpSession> local = new ConcurrentHashMap<>();

    SessionTracker(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Called by Spring Security right after a successful login (after the session id was changed). */
    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (!(authentication.getPrincipal() instanceof AgoraUser user)) {
            return;
        }
        HttpSession session = request.getSession();
        var id = UUID.randomUUID();
        String agent = request.getHeader("User-Agent");
        sessions.insert(id, user.id(), ClientAddress.of(request),
                agent == null ? null : agent.substring(0, Math.min(agent.length(), 300)), clock.instant());
        session.setAttribute(KEY, id);
        session.setAttribute(CHECKED_AT, clock.instant());
        session.setAttribute(SEEN_AT, clock.instant());
        local.put(id, session);
    }

    /** The tracking id of the session in this request, if signed in. */
    static UUID keyOf(HttpSession session) {
        try {
            return session == null ? null : (UUID) session.getAttribute(KEY);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    List<SignedInSession> list(AccountId account, UUID current) {
        return sessions.active(account).stream().map(s -> s.id().equals(current) ? s.asCurrent() : s).toList();
    }

    boolean end(AccountId account, UUID id, String reason) {
        boolean ended = sessions.end(account, id, reason, clock.instant());
        if (ended) {
            invalidateLocally(id);
        }
        return ended;
    }

    int endAll(AccountId account, UUID keep, String reason) {
        List<UUID> ended = sessions.endAll(account, keep, reason, clock.instant());
        ended.forEach(this::invalidateLocally);
        return ended.size();
    }

    private void invalidateLocally(UUID id) {
        HttpSession session = local.remove(id);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing to do
            }
        }
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        UUID id = keyOf(session);
        if (id != null) {
            local.remove(id);
            sessions.endById(id, "logout", clock.instant());
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        UUID id = keyOf(event.getSession());
        if (id != null && local.remove(id) != null) {
            sessions.endById(id, "expired", clock.instant());
        }
    }

    /** On each request of a signed-in session: end it here if it was ended elsewhere; note when it was last seen. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        UUID id = keyOf(session);
        if (id != null) {
            Instant now = clock.instant();
            Instant checkedAt = (Instant) session.getAttribute(CHECKED_AT);
            if (checkedAt == null || checkedAt.plus(CHECK_EVERY).isBefore(now)) {
                session.setAttribute(CHECKED_AT, now);
                if (sessions.isEnded(id).orElse(true)) {
                    log.info("ended session used again, invalidating: address={}", LogSafe.of(ClientAddress.of(request)));
                    local.remove(id);
                    try {
                        session.invalidate();
                    } catch (IllegalStateException alreadyInvalid) {
                        // fine
                    }
                    SecurityContextHolder.clearContext();
                } else {
                    Instant seenAt = (Instant) session.getAttribute(SEEN_AT);
                    if (seenAt == null || seenAt.plus(TOUCH_EVERY).isBefore(now)) {
                        session.setAttribute(SEEN_AT, now);
                        sessions.touch(id, now);
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
