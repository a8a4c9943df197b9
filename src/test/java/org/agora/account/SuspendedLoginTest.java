package org.agora.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

    @Autowired AccountStanding standing;

    @Test
    void a_suspended_member_appeals_from_the_login_page_once_and_moderators_see_it() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        var suspension = sanctions.impose(member.id(), SanctionKind.SUSPEND, "Threats.", Duration.ofDays(3));
        TestAccounts.signOut();
        var proof = catchThrowableOfType(LoginExceptions.Suspended.class, () -> provider.authenticate(login(member)));

        assertThatThrownBy(() -> standing.appealWhileSuspended(proof, "  "))
                .hasMessage("sanction.appealLength");
        standing.appealWhileSuspended(proof, "It was a quote from the article, not a threat.");
        assertThatThrownBy(() -> standing.appealWhileSuspended(proof, "Again"))
                .hasMessage("sanction.appealNotPossible");
        // no proof, no appeal: a wrong password never yields one
        assertThatThrownBy(() -> standing.appealWhileSuspended(null, "Let me in"))
                .hasMessage("sanction.appealNotPossible");

        testAccounts.signIn(testAccounts.moderator());
        assertThat(sanctions.openAppeals()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(suspension.id());
            assertThat(s.appeal()).isEqualTo("It was a quote from the article, not a threat.");
        });
    }

    private static UsernamePasswordAuthenticationToken login(Account account) {
        return UsernamePasswordAuthenticationToken.unauthenticated(account.username(), TestAccounts.PASSWORD);
    }
}
