package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.shared.db.DatabaseMode;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DemoAccountsTest {
    @Autowired DemoAccounts demo;
    @Autowired AccountRepository accounts;
    @Autowired PasswordHasher hasher;

    @Test
    void demo_accounts_exist_on_the_embedded_database_with_their_roles() {
        assertThat(accounts.findByUsername("admin")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
        assertThat(accounts.findByUsername("moderator")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.MODERATOR));
        assertThat(accounts.findByUsername("alice")).hasValueSatisfying(a -> {
            assertThat(a.role()).isEqualTo(Role.MEMBER);
            assertThat(a.emailVerified()).isTrue();
            assertThat(hasher.matches(DemoAccounts.PASSWORD, accounts.passwordHash(a.id()).orElseThrow())).isTrue();
        });
    }

    @Autowired TwoFactorRepository twoFactor;
    @Autowired TotpSecretCipher cipher;

    @Test
    void demo_staff_have_two_factor_on_with_the_published_secrets_and_members_do_not() {
        var admin = accounts.findByUsername("admin").orElseThrow();
        var moderator = accounts.findByUsername("moderator").orElseThrow();
        assertThat(twoFactor.find(admin.id())).hasValueSatisfying(row -> {
            assertThat(row.enabled()).isTrue();
            assertThat(cipher.decrypt(admin.id(), row.secretCipher())).isEqualTo(DemoAccounts.ADMIN_TOTP_SECRET);
        });
        assertThat(twoFactor.find(moderator.id())).hasValueSatisfying(row ->
                assertThat(cipher.decrypt(moderator.id(), row.secretCipher())).isEqualTo(DemoAccounts.MODERATOR_TOTP_SECRET));
        assertThat(twoFactor.isEnabled(accounts.findByUsername("alice").orElseThrow().id())).isFalse();
    }

    @Test
    void seeding_again_changes_nothing() {
        long admins = accounts.countByRole(Role.ADMIN);
        demo.seed(DatabaseMode.EMBEDDED);
        assertThat(accounts.countByRole(Role.ADMIN)).isEqualTo(admins);
    }

    @Test
    void demo_accounts_are_refused_on_an_external_database() {
        assertThatThrownBy(() -> demo.seed(DatabaseMode.EXTERNAL)).isInstanceOf(IllegalStateException.class);
    }
}
