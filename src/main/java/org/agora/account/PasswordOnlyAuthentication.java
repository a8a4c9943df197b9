package org.agora.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * What a correct password gives an account with two-factor authentication on, until its code is typed: a session
 * that knows who is logging in and nothing more. It is not authenticated ({@link #isAuthenticated()} is false),
 * its principal is not an {@link AgoraUser} and its only authority is {@code FACTOR_PASSWORD}: no role, so views,
 * services and URL rules all treat it as a reader's, except the page that asks for the code.
 */
final class PasswordOnlyAuthentication extends AbstractAuthenticationToken {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Who passed the password step, and when. */
    record Pending(AccountId account, String username, Instant passwordAt) implements Serializable {
    }

    private final Pending pending;

    private PasswordOnlyAuthentication(Pending pending, GrantedAuthority passwordFactor) {
        super(List.of(passwordFactor));
        this.pending = pending;
        super.setAuthenticated(false);
    }

    /** From the password step's result; keeps its FACTOR_PASSWORD authority (with its time) for the full login. */
    static PasswordOnlyAuthentication after(AgoraUser user, Instant now, Object details) {
        var token = new PasswordOnlyAuthentication(new Pending(user.id(), user.getUsername(), now),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(now).build());
        token.setDetails(details);
        return token;
    }

    Pending pending() {
        return pending;
    }

    GrantedAuthority passwordFactor() {
        return getAuthorities().iterator().next();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return pending;
    }

    @Override
    public String getName() {
        return pending.username();
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("a password alone never authenticates an account with 2FA");
        }
        super.setAuthenticated(false);
    }
}
