package org.agora.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import java.util.List;
import org.agora.account.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core on the main pages: no serious or critical violations; one h1 per view; landmarks present. */
class AccessibilityTest extends BrowserTest {
    @Autowired TestAccounts testAccounts;
    @Autowired org.agora.moderation.FlagService flags;
    @Autowired org.agora.debate.DebateCatalog catalog;

    private void assertAccessible(String path) {
        // a notification fading in or out has partial opacity: axe would measure its colours mid-animation
        page.waitForFunction("() => !document.querySelector('vaadin-notification-card[opening], vaadin-notification-card[closing]')");
        var results = new AxeBuilder(page).analyze();
        List<String> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(AccessibilityTest::describe)
                .toList();
        assertThat(bad).as("axe violations on " + path).isEmpty();
        assertThat(page.locator("h1").count()).as("h1 count on " + path).isEqualTo(1);
        assertThat(page.locator("main").count()).as("main landmark on " + path).isEqualTo(1);
        assertThat(page.locator("nav").count()).as("nav landmark on " + path).isGreaterThanOrEqualTo(1);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    @Test
    void home_login_and_register_have_no_serious_violations() {
        for (String path : new String[] {"/", "/login", "/register"}) {
            open(path);
            assertAccessible(path);
        }
    }

    @Test
    void threads_polls_and_search_have_no_serious_violations() {
        for (String path : new String[] {"/threads/1", "/threads", "/polls/7", "/polls/8", "/polls/4", "/polls",
                "/leaderboard", "/search?q=jobs"}) {
            open(path);
            assertAccessible(path);
        }
    }

    @Test
    void account_page_has_no_serious_violations() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/account");
        assertAccessible("/account");
        open("/polls/new");
        assertAccessible("/polls/new");
    }

    @Test
    void two_factor_setup_and_the_code_page_have_no_serious_violations() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/account");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Set up two-factor authentication")).click();
        page.locator("img.agora-qr").waitFor();
        assertAccessible("/account (2FA setup)");
        String secret = page.locator(".agora-totp-secret").textContent().replace(" ", "");
        page.getByLabel("Code from the app").fill(TestAccounts.totpCode(secret));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Turn on")).click();
        page.getByLabel("Recovery codes").waitFor();
        assertAccessible("/account (recovery codes)");
        logOut();
        enterPassword(member.username(), TestAccounts.PASSWORD);
        assertAccessible("/login/code");
    }

    @Test
    void moderation_pages_have_no_serious_violations() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        flags.flag(org.agora.moderation.Target.post(catalog.timeline(1, null, 2).getLast().id()),
                org.agora.moderation.FlagReason.OTHER, "Checking the queue's markup");
        TestAccounts.signOut();
        open("/transparency");
        assertAccessible("/transparency");
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/flags");
        assertAccessible("/flags");
        open("/threads/1");
        assertAccessible("/threads/1 (member, with Flag buttons)");
        logOut();
        var moderator = testAccounts.moderator();
        logIn(moderator.username(), TestAccounts.PASSWORD, TestAccounts.totpCode(testAccounts.secretOf(moderator)));
        for (String path : new String[] {"/moderation", "/moderation/queue", "/moderation/log", "/moderation/users"}) {
            open(path);
            assertAccessible(path);
        }
    }

    @Test
    void dark_mode_has_no_serious_violations() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Switch to dark mode")).click();
        page.locator("html[theme=dark]").waitFor();
        assertAccessible("/ (dark)");
    }
}
