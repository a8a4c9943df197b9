package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two-factor authentication in a real browser: set it up with an authenticator's code, log in with codes. */
class TwoFactorJourneyTest extends BrowserTest {
    @Autowired TestAccounts testAccounts;

    private Page.GetByRoleOptions name(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** Sets up 2FA on the account page, as a member with an authenticator app would. @return the secret and the recovery codes */
    private List<String> setUpTwoFactor() {
        open("/account");
        page.getByRole(AriaRole.BUTTON, name("Set up two-factor authentication")).click();
        assertThat(page.locator("img.agora-qr")).isVisible();
        String secret = page.locator(".agora-totp-secret").textContent().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        page.getByLabel("Code from the app").fill(TestAccounts.totpCode(secret));
        page.getByRole(AriaRole.BUTTON, name("Turn on")).click();
        var codes = page.getByLabel("Recovery codes");
        assertThat(codes).isVisible();
        List<String> recovery = codes.inputValue().lines().toList();
        assertThat(recovery).hasSize(10);
        page.getByRole(AriaRole.BUTTON, name("I have saved them")).click();
        assertThat(page.getByText("Two-factor authentication is on since")).isVisible();
        var result = new java.util.ArrayList<String>();
        result.add(secret);
        result.addAll(recovery);
        return result;
    }

    @Test
    void a_member_sets_up_two_factor_and_logs_in_with_a_code_then_with_a_recovery_code_once() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        var secretAndCodes = setUpTwoFactor();
        String secret = secretAndCodes.getFirst();
        String recovery = secretAndCodes.get(1);
        logOut();

        // the password alone ends on the code page, and other pages lead back to it
        enterPassword(member.username(), TestAccounts.PASSWORD);
        assertThat(page.locator("h1")).hasText("Enter your code");
        page.navigate(url("/account"));
        page.waitForURL(Pattern.compile(".*/login/code$"));
        page.locator("h1").first().waitFor();

        enterCode("000000".equals(TestAccounts.totpCode(secret)) ? "111111" : "000000");
        assertThat(page.getByText("That code is not right")).isVisible();
        // the code of the step after the one used at setup (a used step is never accepted again)
        enterCode(TestAccounts.totpCode(secret, 1));
        page.waitForURL(Pattern.compile(".*/account$"));
        assertThat(page.locator("h1")).hasText("My account");
        assertThat(page.locator("#user-menu")).isVisible();
        logOut();

        logIn(member.username(), TestAccounts.PASSWORD, recovery);
        logOut();

        enterPassword(member.username(), TestAccounts.PASSWORD);
        enterCode(recovery);
        assertThat(page.getByText("That code is not right")).isVisible();
        page.getByRole(AriaRole.BUTTON, name("Cancel and log out")).click();
        // logging out ends on the home page: wait for that navigation before starting another
        page.waitForURL(Pattern.compile(".*://[^/]+/(\\?.*)?$"));
        page.getByText("Log in", new Page.GetByTextOptions().setExact(true)).first().waitFor();
        page.navigate(url("/account"));
        page.waitForURL(Pattern.compile(".*/login$"));
    }

    @Test
    void a_moderator_is_sent_from_the_console_to_set_up_two_factor_and_then_opens_it() {
        var moderator = testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR);
        logIn(moderator.username(), TestAccounts.PASSWORD);
        page.getByRole(AriaRole.LINK, name("Moderation")).click();
        page.waitForURL(Pattern.compile(".*/account\\?twoFactor=required$"));
        assertThat(page.locator("#account-notice")).hasText("Set up two-factor authentication to open the moderator console.");

        setUpTwoFactor();
        page.getByRole(AriaRole.LINK, name("Moderation")).click();
        page.waitForURL(Pattern.compile(".*/moderation$"));
        assertThat(page.locator("h1")).hasText("Moderator console");
    }
}
