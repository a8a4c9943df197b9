package org.agora.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.account.TwoFactorLogin;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Where staff without a second factor, and sessions waiting for their code, end up when they navigate. */
@IntegrationTest
class SecondFactorGuardTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired org.springframework.security.authentication.AuthenticationProvider passwords;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private String heading() {
        return $(H1.class).first().getElement().getTextRecursively();
    }

    @Test
    void a_moderator_without_two_factor_is_sent_from_the_console_to_set_it_up() {
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR));
        var account = navigate("moderation", AccountView.class);
        assertThat(account.notice.isVisible()).isTrue();
        assertThat(account.notice.getText()).isEqualTo("Set up two-factor authentication to open the moderator console.");
        assertThat(account.twoFactor.state.getText()).contains("you need it to open the moderator console");
        assertThat(account.twoFactor.setUp.isVisible()).isTrue();
    }

    @Test
    void an_admin_whose_session_passed_no_second_factor_is_sent_there_too() {
        var admin = testAccounts.create(TestAccounts.uniqueName("adm"), Role.ADMIN);
        testAccounts.signIn(admin); // signed in before 2FA was on: no second factor in this session
        testAccounts.enableTwoFactor(admin);
        navigate("moderation", AccountView.class);
    }

    @Test
    void a_moderator_with_two_factor_opens_the_console() {
        var moderator = testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR);
        testAccounts.enableTwoFactor(moderator);
        testAccounts.signIn(moderator);
        navigate("moderation", Component.class);
        assertThat(heading()).isEqualTo("Moderator console");
    }

    @Test
    void setting_up_two_factor_on_the_account_page_opens_the_console_in_the_same_session() {
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR));
        var account = navigate("moderation", AccountView.class);
        test(account.twoFactor.setUp).click();
        String secret = account.twoFactor.secret.getText().replace(" ", "");
        test(account.twoFactor.setupCode).setValue(TestAccounts.totpCode(secret));
        test(account.twoFactor.turnOn).click();
        assertThat(account.twoFactor.codesBox.isVisible()).isTrue();

        navigate("moderation", Component.class);
        assertThat(heading()).isEqualTo("Moderator console");
    }

    @Test
    void a_member_with_two_factor_is_not_let_into_the_console_by_it() {
        var member = testAccounts.member();
        testAccounts.enableTwoFactor(member);
        testAccounts.signIn(member);
        navigate("moderation", Component.class);
        assertThat(heading()).isNotEqualTo("Moderator console");
    }

    @Test
    void a_session_waiting_for_its_code_is_sent_to_the_code_page_from_anywhere() {
        var member = testAccounts.member();
        testAccounts.enableTwoFactor(member);
        var token = UsernamePasswordAuthenticationToken.unauthenticated(member.username(), TestAccounts.PASSWORD);
        token.setDetails(new WebAuthenticationDetails("10.8.0.1", null));
        SecurityContextHolder.getContext().setAuthentication(passwords.authenticate(token));
        assertThat(TwoFactorLogin.isPending()).isTrue();

        var codePage = navigate("account", LoginCodeView.class);
        assertThat(codePage.intro.getText()).contains(member.username());
        navigate("", LoginCodeView.class);
        navigate("login", LoginCodeView.class);
        navigate("threads", LoginCodeView.class);
    }

    @Test
    void the_code_page_is_only_for_a_session_waiting_for_its_code() {
        navigate("login/code", LoginView.class);
        testAccounts.signIn(testAccounts.member());
        navigate("login/code", Component.class);
        assertThat(heading()).isNotEqualTo("Enter your code");
    }
}
