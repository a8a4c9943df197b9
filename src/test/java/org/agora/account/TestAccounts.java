package org.agora.account;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Creates confirmed members for tests, each with a unique name, and signs them in on the current thread; turns
 * two-factor authentication on for them and computes their authenticator codes.
 */
@Component
public class TestAccounts {
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AccountUserDetailsService users;
    private final TwoFactorService twoFactor;

    TestAccounts(AccountRepository accounts, PasswordHasher hasher, AccountUserDetailsService users,
                 TwoFactorService twoFactor) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.users = users;
        this.twoFactor = twoFactor;
    }

    public static String uniqueName(String prefix) {
        return prefix + "_" + (System.nanoTime() % 100_000) + "_" + COUNTER.incrementAndGet();
    }

    public Account member() {
        return create(uniqueName("m"), Role.MEMBER);
    }

    /** Many members at once, sharing one password hash (hashing 500 times would take a minute). */
    public java.util.List<Account> members(int n) {
        String hash = hasher.encode(PASSWORD);
        var list = new java.util.ArrayList<Account>();
        for (int i = 0; i < n; i++) {
            String username = uniqueName("v");
            var id = accounts.insert(username, username + "@example.org", username, hash, Role.MEMBER, Instant.now());
            list.add(accounts.find(id).orElseThrow());
        }
        return list;
    }

    public Account create(String username, Role role) {
        var id = accounts.insert(username, username + "@example.org", username, hasher.encode(PASSWORD), role,
                Instant.now());
        return accounts.find(id).orElseThrow();
    }

    private final java.util.Map<Long, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();

    /** A moderator with two-factor authentication on, as staff must have (its secret: {@link #secretOf}). */
    public Account moderator() {
        return staff(Role.MODERATOR);
    }

    /** Staff of this role with two-factor authentication on. */
    public Account staff(Role role) {
        var account = create(uniqueName(role.name().toLowerCase(java.util.Locale.ROOT)), role);
        secrets.put(account.id().value(), enableTwoFactor(account));
        return account;
    }

    /** The TOTP secret of staff made by {@link #staff}. */
    public String secretOf(Account account) {
        return secrets.get(account.id().value());
    }

    /** Turns 2FA on for the account with a new secret (codes from the previous time step on are accepted). @return the secret */
    public String enableTwoFactor(Account account) {
        String secret = Totp.newSecret();
        twoFactor.enableWithSecret(account.id(), secret);
        return secret;
    }

    /** The code an authenticator app shows for this secret now. */
    public static String totpCode(String secret) {
        return totpCode(secret, 0);
    }

    /**
     * The code {@code steps} time steps (of 30 s) from now: +1 is still accepted (drift) and is the way to log in
     * again right after a code of this step was used, since a used step is never accepted twice.
     */
    public static String totpCode(String secret, int steps) {
        return Totp.code(secret, Totp.step(Instant.now()) + steps);
    }

    /** Signs the account in as a login would: its roles and FACTOR_PASSWORD, and FACTOR_TOTP if it has 2FA on. */
    public void signIn(Account account) {
        var user = users.loadUserByUsername(account.username());
        var authorities = new java.util.ArrayList<org.springframework.security.core.GrantedAuthority>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        if (twoFactor.isEnabled(account.id())) {
            authorities.add(FactorGrantedAuthority.fromAuthority(TwoFactorService.FACTOR_AUTHORITY));
        }
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
