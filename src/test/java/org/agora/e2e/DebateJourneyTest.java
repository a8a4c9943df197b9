package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two members debating in two browsers, live; a reader watching. */
class DebateJourneyTest extends BrowserTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;

    private Topic newTopic() {
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("Live debate " + UUID.randomUUID() + "?", 3, List.of(), Stance.NEUTRAL,
                "Is this the right path?", null);
        TestAccounts.signOut();
        return topic;
    }

    private static Page.GetByRoleOptions name(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static com.microsoft.playwright.Locator.GetByRoleOptions lname(String name) {
        return new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void a_con_argument_appears_live_for_another_member_who_replies_in_support() {
        var topic = newTopic();
        var first = testAccounts.member();
        var second = testAccounts.member();

        // the second member's browser
        var otherContext = newContext();
        var other = otherContext.newPage();
        Page mine = page;
        page = other;
        logIn(second.username(), TestAccounts.PASSWORD);
        open("/threads/" + topic.id());
        page = mine;
        logIn(first.username(), TestAccounts.PASSWORD);
        open("/threads/" + topic.id());

        page.getByRole(AriaRole.RADIO, name("Con — no, against")).check();
        page.getByRole(AriaRole.TEXTBOX, name("Your argument (Markdown)")).fill("Scaling alone **will not** do it.");
        page.getByRole(AriaRole.BUTTON, name("Post")).click();
        assertThat(page.locator(".agora-timeline")).containsText("will not");

        // no reload in the other browser: the post arrives by push
        var arrived = other.locator(".agora-post", new Page.LocatorOptions().setHasText("Scaling alone"));
        assertThat(arrived).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        arrived.getByRole(AriaRole.BUTTON, lname("Reply")).click();
        var reply = other.locator("#reply-composer");
        reply.getByRole(AriaRole.RADIO, lname("Supports this post")).check();
        reply.getByRole(AriaRole.TEXTBOX, lname("Your argument (Markdown)")).fill("Agreed: data and algorithms matter more.");
        reply.getByRole(AriaRole.BUTTON, lname("Post reply")).click();

        var live = page.locator(".agora-post", new Page.LocatorOptions().setHasText("Agreed: data"));
        assertThat(live).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
        assertThat(live).containsText("supports");
        // the reply also rang the first member's bell, live
        assertThat(page.locator("#bell .agora-bell-count")).hasText("1");
        page.locator("#bell").click();
        page.waitForURL(Pattern.compile(".*/notifications$"));
        assertThat(page.locator(".agora-notification-unread")).containsText("replied to your post");
        page.goBack();

        // the argument map nests the reply under the claim it supports, in the con column
        page.getByRole(AriaRole.BUTTON, name("Argument map")).click();
        var parentNode = page.locator(".agora-map-con .agora-map-node", new Page.LocatorOptions().setHasText("Scaling alone"));
        assertThat(parentNode.locator(".agora-map-children")).containsText("Agreed: data");
        // and the choice is remembered
        page.reload();
        assertThat(page.getByRole(AriaRole.BUTTON, name("Argument map"))).hasAttribute("aria-pressed", "true");
        otherContext.close();
    }

    @Test
    void a_reader_can_read_but_gets_a_sign_in_prompt_instead_of_the_form() {
        open("/threads/2");
        assertThat(page.locator("h1")).containsText("does your life have meaning?");
        assertThat(page.locator("#sign-in-prompt")).isVisible();
        assertThat(page.locator("#composer")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, name("Reply"))).hasCount(0);
    }

    @Test
    void a_member_starts_a_thread_with_a_preview() {
        var member = testAccounts.member();
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/threads/new");
        String question = "Will robots run the power grid by 2035 " + (System.nanoTime() % 1000) + "?";
        page.getByRole(AriaRole.TEXTBOX, name("Question")).fill(question);
        page.locator("vaadin-select").first().click();
        page.getByRole(AriaRole.OPTION, name("Compute & Infrastructure")).click();
        page.getByRole(AriaRole.TEXTBOX, name("Opening post (Markdown)")).fill("Grids are *hard*.");
        assertThat(page.locator(".agora-preview em")).hasText("hard");
        page.getByRole(AriaRole.BUTTON, name("Start thread")).click();
        page.waitForURL(Pattern.compile(".*/threads/\\d+/will-robots-run-the-power-grid.*"));
        assertThat(page.locator("h1")).hasText(question);
    }
}
