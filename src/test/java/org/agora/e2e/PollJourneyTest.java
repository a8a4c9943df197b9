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
    @Autowired org.agora.poll.PollAuthoring authoring;
    @Autowired org.agora.poll.ForecastResolution resolution;

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

    @Test
    void a_member_writes_a_poll_sees_its_preview_and_publishes_it() {
        var author = testAccounts.member();
        logIn(author.username(), TestAccounts.PASSWORD);
        open("/polls/new");
        page.getByLabel("Question").fill("Which job goes first?");
        page.getByLabel("Answer 1", new Page.GetByLabelOptions().setExact(true)).fill("Translator");
        page.getByLabel("Answer 2", new Page.GetByLabelOptions().setExact(true)).fill("Translator");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.locator("vaadin-text-field[invalid]")).hasCount(1);
        page.getByLabel("Answer 2", new Page.GetByLabelOptions().setExact(true)).fill("Radiologist");
        page.getByLabel("Answer 2", new Page.GetByLabelOptions().setExact(true)).press("Tab");
        assertThat(page.locator(".agora-poll-preview")).containsText("Radiologist");
        assertThat(page.locator(".agora-poll-preview")).containsText("Which job goes first?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/polls/[0-9]+$"));
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Radiologist").setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote").setExact(true)).click();
        assertThat(page.locator(".agora-poll-summary")).containsText("1 vote");
    }

    @Test
    void a_moderator_resolves_a_forecast_and_the_leaderboard_changes() {
        var forecaster = testAccounts.member();
        testAccounts.signIn(forecaster);
        var closes = java.time.Instant.now().plus(java.time.Duration.ofDays(60));
        long first = authoring.create(org.agora.poll.PollDraft.forecast("Will the first test forecast happen?",
                "Yes if it happens.", closes, closes), true);
        long second = authoring.create(org.agora.poll.PollDraft.forecast("Will the second test forecast happen?",
                "Yes if it happens.", closes, closes), true);
        polls.vote(first, org.agora.poll.Ballot.ofValue(90));
        polls.vote(second, org.agora.poll.Ballot.ofValue(80));
        var moderator = testAccounts.moderator();
        testAccounts.signIn(moderator);
        resolution.resolve(first, org.agora.poll.ForecastResolution.Outcome.YES, "It happened.");
        TestAccounts.signOut();

        open("/leaderboard");
        assertThat(page.locator("h1")).hasText("Leaderboard");
        assertThat(page.getByText("@" + forecaster.username())).hasCount(0);

        logIn(moderator.username(), TestAccounts.PASSWORD, TestAccounts.totpCode(testAccounts.secretOf(moderator)));
        open("/polls/" + second);
        page.getByText("Manage this poll").click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Yes").setExact(true)).check();
        page.getByLabel("Note (what decided it, with sources)").fill("Announced on the official blog.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve").setExact(true)).click();
        assertThat(page.locator(".agora-poll-status")).containsText("Resolved: Yes");

        open("/leaderboard");
        assertThat(page.locator("#leaderboard")).containsText("@" + forecaster.username());
        open("/u/" + forecaster.username());
        assertThat(page.locator(".agora-profile-scores")).containsText("Will the second test forecast happen?");
    }
}
