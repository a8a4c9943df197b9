package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.regex.Pattern;
import org.agora.account.TestAccounts;
import org.agora.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The account journeys a person takes, in a real browser, with mail through a real SMTP server. */
class AccountJourneyTest extends BrowserTest {
    private static final String FIRST = "violet kettle marches uphill";
    private static final String SECOND = "seven quiet lanterns drift north";

    @Autowired TestAccounts testAccounts;

    private Page.GetByRoleOptions name(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void register_confirm_log_out_log_in_change_password_and_log_in_with_the_new_one() {
        String username = TestAccounts.uniqueName("e");
        String email = username + "@example.org";
        open("/register");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.TEXTBOX, name("Password")).fill(FIRST);
        page.getByRole(AriaRole.BUTTON, name("Create account")).click();
        assertThat(page.locator("#registration-done")).containsText(email);

        open(Mailbox.linkPath(Mailbox.awaitMail(email, 1)));
        assertThat(page.getByText("your email address is confirmed")).isVisible();

        logIn(username, FIRST);
        logOut();
        logIn(email, FIRST);

        open("/account");
        page.getByRole(AriaRole.TEXTBOX, name("Current password")).fill(FIRST);
        page.getByRole(AriaRole.TEXTBOX, name("New password")).fill(SECOND);
        page.getByRole(AriaRole.BUTTON, name("Change password")).click();
        assertThat(page.getByText("Password changed")).isVisible();
        logOut();

        open("/login");
        page.getByLabel("Username or email").fill(username);
        page.getByRole(AriaRole.TEXTBOX, name("Password")).fill(FIRST);
        page.getByRole(AriaRole.BUTTON, name("Log in")).click();
        page.waitForURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.getByText("Incorrect username or password")).isVisible();

        logIn(username, SECOND);
    }

    @Test
    void forgotten_password_is_reset_through_a_mailed_link() {
        var member = testAccounts.member();
        open("/forgot-password");
        page.getByLabel("Username or email").fill(member.email());
        page.getByRole(AriaRole.BUTTON, name("Send reset link")).click();
        assertThat(page.locator("#forgot-result")).containsText("If that matches an account");

        String link = Mailbox.linkPath(Mailbox.awaitMail(member.email(), 1));
        open(link);
        page.getByRole(AriaRole.TEXTBOX, name("New password")).fill(SECOND);
        page.getByRole(AriaRole.BUTTON, name("Set new password")).click();
        page.waitForURL(Pattern.compile(".*/login\\?reset.*"));
        assertThat(page.getByText("Your password was changed")).isVisible();
        logIn(member.username(), SECOND);

        open(link);
        assertThat(page.getByText("This reset link is invalid, used or expired.")).isVisible();
    }

    @Test
    void session_id_changes_on_login() {
        var member = testAccounts.member();
        open("/login");
        String before = sessionCookie();
        assertThat(before).isNotNull();
        logIn(member.username(), TestAccounts.PASSWORD);
        assertThat(sessionCookie()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void a_member_cannot_open_the_moderator_console() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Moderation"))).hasCount(0);
        open("/moderation");
        assertThat(heading()).isEqualTo("Not allowed");
        assertThat(page.getByText("Moderator console")).hasCount(0);
    }

    @Test
    void a_moderator_opens_the_console() {
        // the demo moderator has two-factor authentication on with a published secret (see DemoAccounts)
        logIn("moderator", "agora-demo-pass", TestAccounts.totpCode(org.agora.account.DemoAccounts.MODERATOR_TOTP_SECRET));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Moderation")).click();
        page.waitForURL(Pattern.compile(".*/moderation$"));
        assertThat(page.locator("h1")).hasText("Moderator console");
    }

    @Test
    void dark_mode_persists_after_reload() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        assertThat(page.locator("html")).not().hasAttribute("theme", "dark");
        page.getByRole(AriaRole.BUTTON, name("Switch to dark mode")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        page.reload();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        // remembered for the member, not only in this browser
        var other = newContext();
        var otherPage = other.newPage();
        page = otherPage;
        logIn(member.username(), TestAccounts.PASSWORD);
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        other.close();
    }

    @Test
    void keyboard_alone_is_enough_to_register_and_edit_the_account() {
        String username = TestAccounts.uniqueName("k");
        open("/register");
        page.getByLabel("Username").focus();
        page.keyboard().type(username);
        page.keyboard().press("Tab");
        page.keyboard().type(username + "@example.org");
        page.keyboard().press("Tab");
        page.keyboard().type(FIRST);
        page.keyboard().press("Enter");
        assertThat(page.locator("#registration-done")).containsText(username + "@example.org");

        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/account");
        page.getByLabel("Display name").focus();
        page.keyboard().press("Control+A");
        page.keyboard().type("Keyboard Person");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, name("Save name"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.getByText("Saved.")).isVisible();
    }

    @Test
    void keyboard_alone_is_enough_to_log_in() {
        var member = testAccounts.member();
        open("/login");
        page.getByLabel("Username or email").focus();
        page.keyboard().type(member.username());
        page.keyboard().press("Tab");
        page.keyboard().type(TestAccounts.PASSWORD);
        page.keyboard().press("Enter");
        page.locator("#user-menu").waitFor();
        assertThat(page.url()).doesNotContain("/login");
    }

    @Test
    void unknown_pages_are_friendly_and_list_no_routes() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/threads/999999");
        assertThat(heading()).isEqualTo("Page not found");
        assertThat(page.locator("main").textContent()).doesNotContain("moderation").doesNotContain("Exception");

        var response = page.navigate(url("/no-such-page"));
        assertThat(response.status()).isIn(403, 404);
        assertThat(heading()).isEqualTo("This page cannot be shown");
        assertThat(page.content()).doesNotContain("moderation").doesNotContain("reset-password")
                .doesNotContain("Exception");
    }

    @Test
    void a_member_switches_to_german_and_it_is_remembered() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        page.getByRole(AriaRole.MENUITEM, name("Language")).click();
        page.getByText("Deutsch", new Page.GetByTextOptions().setExact(true)).click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        // the switch reloads the page; on a loaded machine that can take longer than the default 5 s
        assertThat(page.locator("h1")).hasText("Was macht KI mit Arbeit, Sinn und Macht?",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        open("/account");
        assertThat(page.locator("h1")).hasText("Mein Konto");
    }
}
