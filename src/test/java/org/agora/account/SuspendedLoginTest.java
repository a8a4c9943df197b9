package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** A suspended or banned member cannot log in, and is told why and until when. */
@IntegrationTest
class SuspendedLoginTest {
    @Autowired ThrottledAuthenticationProvider provider;
    @Autowired AccountSanctions sanctions;
    @Autowired TestAccounts testAccounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_suspended_member_cannot_log_in_and_is_told_until_when_and_why() {
        var member = testAccounts.member();
        assertThat(provider.authenticate(login(member)).isAuthenticated()).isTrue();
        testAccounts.signIn(testAccounts.moderator());
        var suspension = sanctions.impose(member.id(), SanctionKind.SUSPEND, "Threats.", Duration.ofDays(3));
        TestAccounts.signOut();
        assertThatThrownBy(() -> provider.authenticate(login(member)))
                .isInstanceOfSatisfying(LoginExceptions.Suspended.class, e -> {
                    assertThat(e.reason()).isEqualTo("Threats.");
                    assertThat(e.until()).isEqualTo(MemberSanctioned.untilText(suspension.endsAt()));
                });
    }

    @Test
    void a_lifted_suspension_and_a_silence_let_the_member_log_in() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        var suspension = sanctions.impose(member.id(), SanctionKind.SUSPEND, "Threats.", null);
        sanctions.lift(suspension.id(), "Misunderstanding.");
        sanctions.impose(member.id(), SanctionKind.SILENCE, "Cool down.", null);
        TestAccounts.signOut();
        assertThat(provider.authenticate(login(member)).isAuthenticated()).isTrue();
    }

    @Test
    void a_banned_member_cannot_log_in() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        sanctions.impose(member.id(), SanctionKind.BAN, "Spam bot.", null);
        TestAccounts.signOut();
        assertThatThrownBy(() -> provider.authenticate(login(member)))
                .isInstanceOfSatisfying(LoginExceptions.Suspended.class, e -> assertThat(e.until()).isEmpty());
    }

    private static UsernamePasswordAuthenticationToken login(Account account) {
        return UsernamePasswordAuthenticationToken.unauthenticated(account.username(), TestAccounts.PASSWORD);
    }
}
