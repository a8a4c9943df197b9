package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.agora.account.TestAccounts;
import org.agora.poll.PollService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two members vote in two browsers and each sees the other's vote arrive. */
class PollJourneyTest extends BrowserTest {
    @Autowired TestAccounts testAccounts;
    @Autowired PollService polls;

    @Test
    void two_members_vote_and_each_sees_the_others_vote_live() {
        var first = testAccounts.member();
        var second = testAccounts.member();
        long before = polls.results(3).orElseThrow().voters();

        var otherContext = newContext();
        Page mine = page;
        page = otherContext.newPage();
        logIn(second.username(), TestAccounts.PASSWORD);
        open("/polls/3");
        Page other = page;
        page = mine;
        logIn(first.username(), TestAccounts.PASSWORD);
        open("/polls/3");

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Partly").setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote").setExact(true)).click();
        assertThat(page.locator(".agora-poll-summary")).containsText((before + 1) + " votes");
        assertThat(other.locator(".agora-poll-summary")).containsText((before + 1) + " votes",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

        other.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote").setExact(true)).click();
        assertThat(page.locator(".agora-poll-summary")).containsText((before + 2) + " votes",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        otherContext.close();
    }
}
