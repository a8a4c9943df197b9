package org.agora.account;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Creates confirmed members for tests, each with a unique name, and signs them in on the current thread. */
@Component
public class TestAccounts {
    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AccountUserDetailsService users;

    TestAccounts(AccountRepository accounts, PasswordHasher hasher, AccountUserDetailsService users) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.users = users;
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

    public void signIn(Account account) {
        var user = users.loadUserByUsername(account.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
