package org.agora.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.agora.shared.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second login step for an account with 2FA on. The password step ({@link ThrottledAuthenticationProvider})
 * leaves a {@link PasswordOnlyAuthentication} in the session: not authenticated, no role. Here a code (TOTP or
 * recovery) turns it into the full login: a new session id, the roles, and the factor authorities
 * {@code FACTOR_PASSWORD} and {@link TwoFactorService#FACTOR_AUTHORITY}, saved in the session and tracked like any
 * login. The password step is good for {@link #PENDING_LIFETIME}.
 */
@Component
public class TwoFactorLogin {
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final String TARGET = "agora.afterSecondFactor";
    private static final Logger log = LoggerFactory.getLogger("org.agora.security.login");

    /** What became of a code typed at login. */
    public enum Outcome {
        SIGNED_IN, WRONG_CODE, THROTTLED, EXPIRED, NOT_PENDING
    }

    private final TwoFactorService twoFactor;
    private final AccountUserDetailsService users;
    private final SessionTracker sessions;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    TwoFactorLogin(TwoFactorService twoFactor, AccountUserDetailsService users, SessionTracker sessions, Clock clock) {
        this.twoFactor = twoFactor;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Whether this session passed the password step and waits for a second factor. */
    public static boolean isPending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PasswordOnlyAuthentication;
    }

    /** The username waiting for its second factor in this session, if any. */
    public static Optional<String> pendingUsername() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PasswordOnlyAuthentication p
                ? Optional.of(p.getName()) : Optional.empty();
    }

    /**
     * Checks the code for the login waiting in this session; if it is right, the session becomes a full login.
     * A wrong code leaves the password step in place (within its lifetime and the throttle).
     */
    public Outcome complete(String code, HttpServletRequest request, HttpServletResponse response) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PasswordOnlyAuthentication passwordStep)) {
            return Outcome.NOT_PENDING;
        }
        var pending = passwordStep.pending();
        Instant now = clock.instant();
        if (pending.passwordAt().plus(PENDING_LIFETIME).isBefore(now)) {
            log.info("second factor too late, password step expired: login={}", LogSafe.of(pending.username()));
            save(SecurityContextHolder.createEmptyContext(), request, response);
            return Outcome.EXPIRED;
        }
        var check = twoFactor.verify(pending.account(), code);
        if (check == TwoFactorService.Check.THROTTLED) {
            return Outcome.THROTTLED;
        }
        if (!check.accepted()) {
            log.warn("login second factor wrong: login={}", LogSafe.of(pending.username()));
            return Outcome.WRONG_CODE;
        }
        var user = (AgoraUser) users.loadUserByUsername(pending.username());
        if (!user.id().equals(pending.account())) {
            return Outcome.EXPIRED;
        }
        user.eraseCredentials();
        var authorities = new ArrayList<GrantedAuthority>(user.getAuthorities());
        authorities.add(passwordStep.passwordFactor());
        authorities.add(FactorGrantedAuthority.withAuthority(TwoFactorService.FACTOR_AUTHORITY).issuedAt(now).build());
        var full = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        full.setDetails(passwordStep.getDetails());

        request.changeSessionId(); // a new session id for the new privilege, as at the password step
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        save(context, request, response);
        sessions.onAuthentication(full, request, response);
        log.info("login succeeded with second factor: login={} recoveryCode={}", LogSafe.of(pending.username()),
                check == TwoFactorService.Check.ACCEPTED_RECOVERY_CODE);
        return Outcome.SIGNED_IN;
    }

    private void save(org.springframework.security.core.context.SecurityContext context, HttpServletRequest request,
                      HttpServletResponse response) {
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Remembers where a member was going when the code page came between (a path on this site only). */
    public static void rememberTarget(HttpSession session, String path) {
        if (session != null && isLocalPath(path)) {
            session.setAttribute(TARGET, path);
        }
    }

    /** Where to go after the code: the remembered path, or the home page. */
    public static String takeTarget(HttpSession session) {
        Object path = session == null ? null : session.getAttribute(TARGET);
        if (session != null) {
            session.removeAttribute(TARGET);
        }
        return path instanceof String p && isLocalPath(p) ? p : "/";
    }

    static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.length() <= 500 && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && !path.startsWith("/login");
    }
}
