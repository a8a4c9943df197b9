package org.agora.account;

import java.time.Clock;
import java.util.List;
import org.agora.shared.db.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo accounts (admin, moderator, alice, bob; password {@value #PASSWORD}), created on the embedded
 * database only and refused on an external one, where they would be a known password on a real site.
 * <p>
 * Staff must sign in with a second factor, so the demo admin and moderator have two-factor authentication on
 * with the fixed, published secrets below (as public as the demo password): the startup log prints them, to add
 * to an authenticator app or to read codes from with {@code oathtool --totp -b <secret>}. Each start turns it on
 * again for them if it was turned off.
 */
@Component
@Order(10)
public class DemoAccounts implements ApplicationRunner {
    public static final String PASSWORD = "agora-demo-pass";
    public static final List<String> USERNAMES = List.of("admin", "moderator", "alice", "bob");
    /** The demo admin's TOTP secret (base32), published like the demo password. */
    public static final String ADMIN_TOTP_SECRET = "TB3ZZPROW3M5USRSFXV7KIK5QMEOHDUC";
    /** The demo moderator's TOTP secret (base32), published like the demo password. */
    public static final String MODERATOR_TOTP_SECRET = "GC2XEJZVKCSSYS7UIXGRBWUWE5CEAEG7";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final TwoFactorService twoFactor;
    private final DatabaseMode database;
    private final Clock clock;
    private final boolean enabled;

    DemoAccounts(AccountRepository accounts, PasswordHasher hasher, TwoFactorService twoFactor, DatabaseMode database,
                 Clock clock, @Value("${agora.demo-data:true}") boolean enabled) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.twoFactor = twoFactor;
        this.database = database;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (!database.isEmbedded()) {
            log.info("External database: demo accounts are not created.");
            return;
        }
        seed(database);
        log.info("""

                Demo accounts (embedded database only), password '{}':
                  admin      (ADMIN)
                  moderator  (MODERATOR)
                  alice      (MEMBER)
                  bob        (MEMBER)
                Staff log in with a second factor too (two-factor authentication): add a secret to an authenticator
                app (by hand, or open the otpauth URI), or print the current code with `oathtool --totp -b <secret>`:
                  admin      {}  {}
                  moderator  {}  {}""", PASSWORD, ADMIN_TOTP_SECRET, Totp.uri("admin", ADMIN_TOTP_SECRET),
                MODERATOR_TOTP_SECRET, Totp.uri("moderator", MODERATOR_TOTP_SECRET));
    }

    /** Creates the missing demo accounts; idempotent. Refuses on anything but the embedded database. */
    @Transactional
    public void seed(DatabaseMode mode) {
        if (!mode.isEmbedded()) {
            throw new IllegalStateException("Demo accounts are only created on the embedded database");
        }
        create("admin", "Agora Admin", Role.ADMIN);
        create("moderator", "Mod Erator", Role.MODERATOR);
        create("alice", "Alice", Role.MEMBER);
        create("bob", "Bob", Role.MEMBER);
        accounts.findByUsername("admin").ifPresent(a -> twoFactor.enableWithSecret(a.id(), ADMIN_TOTP_SECRET));
        accounts.findByUsername("moderator").ifPresent(a -> twoFactor.enableWithSecret(a.id(), MODERATOR_TOTP_SECRET));
    }

    private void create(String username, String displayName, Role role) {
        if (accounts.usernameTaken(username)) {
            return;
        }
        accounts.insert(username, username + "@demo.agora.invalid", displayName, hasher.encode(PASSWORD), role,
                clock.instant());
    }
}
