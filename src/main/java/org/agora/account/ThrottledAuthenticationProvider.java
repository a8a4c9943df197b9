package org.agora.account;

import java.time.Clock;
import org.agora.shared.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login: the throttle first (no hashing for a throttled attempt), then Spring's
 * {@link DaoAuthenticationProvider} (which also hashes for unknown names, so timing tells nothing), then the
 * email-confirmed check, only once the password is proven. An account with two-factor authentication on gets
 * no more than a {@link PasswordOnlyAuthentication} here (no role, not authenticated); {@link TwoFactorLogin}
 * completes it with a code. Every attempt is logged with CR/LF stripped.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger("org.agora.security.login");

    private final LoginThrottle throttle;
    private final DaoAuthenticationProvider delegate;
    private final TwoFactorService twoFactor;
    private final AccountStanding standing;
    private final Clock clock;

    ThrottledAuthenticationProvider(LoginThrottle throttle, AccountUserDetailsService users, PasswordHasher hasher,
                                    TwoFactorService twoFactor, AccountStanding standing, Clock clock) {
        this.throttle = throttle;
        this.standing = standing;
        this.twoFactor = twoFactor;
        this.clock = clock;
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(hasher);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        if (!throttle.tryLogin(address, login)) {
            log.warn("login throttled: login={} address={}", LogSafe.of(login), LogSafe.of(address));
            throw new LoginExceptions.Throttled();
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationException e) {
            log.warn("login failed: login={} address={} reason={}", LogSafe.of(login), LogSafe.of(address),
                    e.getClass().getSimpleName());
            throw e;
        }
        if (result.getPrincipal() instanceof AgoraUser user && !user.emailVerified()) {
            log.info("login refused, email not confirmed: login={} address={}", LogSafe.of(login), LogSafe.of(address));
            throw new LoginExceptions.EmailNotVerified();
        }
        if (result.getPrincipal() instanceof AgoraUser user) {
            var block = standing.loginBlock(user.id());
            if (block.isPresent()) {
                log.info("login refused, account {}: login={} address={}", block.get().kind(), LogSafe.of(login),
                        LogSafe.of(address));
                throw new LoginExceptions.Suspended(MemberSanctioned.untilText(block.get().endsAt()),
                        block.get().reason(), user.id(), block.get().id());
            }
        }
        if (result.getPrincipal() instanceof AgoraUser user && twoFactor.isEnabled(user.id())) {
            log.info("login password accepted, second factor required: login={} address={}", LogSafe.of(login),
                    LogSafe.of(address));
            return PasswordOnlyAuthentication.after(user, clock.instant(), result.getDetails());
        }
        log.info("login succeeded: login={} address={}", LogSafe.of(login), LogSafe.of(address));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
