package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** An admin resets the 2FA of a member who lost their authenticator; audited; nobody else may. */
@IntegrationTest
class TwoFactorResetTest {
    @Autowired MemberModeration members;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void an_admin_resets_a_moderators_two_factor_ending_their_sessions_and_it_is_audited() {
        var moderator = testAccounts.moderator();
        jdbc.sql("insert into account_session (id, account_id) values (gen_random_uuid(), :a)")
                .param("a", moderator.id().value()).update();
        var admin = testAccounts.staff(Role.ADMIN);
        testAccounts.signIn(admin);
        assertThat(members.hasTwoFactor(moderator.id())).isTrue();
        assertThat(members.resetTwoFactor(moderator.id(), "Lost phone, identity checked by video call")).isTrue();
        assertThat(members.hasTwoFactor(moderator.id())).isFalse();
        assertThat(jdbc.sql("select count(*) from account_session where account_id = :a and ended_at is null")
                .param("a", moderator.id().value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select reason || ' ' || cast(after as text) from moderation_audit
                         where action = 'RESET_TWO_FACTOR' and target_type = 'ACCOUNT' and target_id = :id
                           and actor_id = :admin and outcome = 'OK'
                        """).param("id", moderator.id().value()).param("admin", admin.id().value())
                .query(String.class).list())
                .containsExactly("Lost phone, identity checked by video call {\"hadTwoFactor\": true}");
        // the moderator can no longer use staff tools until they set 2FA up again
        testAccounts.signIn(moderator);
        assertThatThrownBy(() -> members.search("x")).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void moderators_and_members_cannot_reset_two_factor() {
        var target = testAccounts.moderator();
        testAccounts.signIn(testAccounts.moderator());
        assertThatThrownBy(() -> members.resetTwoFactor(target.id(), "x"))
                .isInstanceOf(ModerationException.class).hasMessage("sanction.adminOnly");
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> members.resetTwoFactor(target.id(), "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        var admin = testAccounts.staff(Role.ADMIN);
        testAccounts.signIn(admin);
        assertThatThrownBy(() -> members.resetTwoFactor(admin.id(), "x"))
                .isInstanceOf(ModerationException.class).hasMessage("sanction.notOnYourself");
        assertThat(members.hasTwoFactor(target.id())).isTrue();
    }
}
