package org.agora.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member flags a post, a moderator claims and hides it in the console, the member then reads "hidden by
 * moderators", a reader's browser never receives the text, and the public transparency page lists the decision.
 */
class ModerationJourneyTest extends BrowserTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @Autowired org.agora.moderation.ModerationSettings settings;

    private static Page.GetByRoleOptions name(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Locator.GetByRoleOptions lname(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void a_flagged_post_is_hidden_by_a_moderator_and_never_reaches_a_reader() {
        String secret = "kakapo" + (System.nanoTime() % 1_000_000);
        var author = testAccounts.member();
        testAccounts.signIn(author);
        var topic = debates.startTopic("Moderation journey " + UUID.randomUUID() + "?", 6, List.of(), Stance.NEUTRAL,
                "Is the gigafactory worth it?", null);
        var post = debates.post(topic.id(), null, Stance.CON, null, "You people are " + secret + "s.", null);
        TestAccounts.signOut();
        var flagger = testAccounts.member();
        var moderator = testAccounts.moderator();

        // the member flags the post from its card
        logIn(flagger.username(), TestAccounts.PASSWORD);
        open("/threads/" + topic.id());
        var card = page.locator("#post-" + post.id());
        card.getByRole(AriaRole.BUTTON, lname("Flag this post by " + author.displayName() + " for moderators")).click();
        var flagDialog = page.getByRole(AriaRole.DIALOG);
        flagDialog.getByRole(AriaRole.RADIO, lname("Harassment or abuse")).check();
        flagDialog.getByRole(AriaRole.TEXTBOX, lname("Tell moderators more")).fill("Insults everyone on the con side");
        flagDialog.getByRole(AriaRole.BUTTON, lname("Send flag")).click();
        assertThat(page.getByText("Thank you. Moderators will review it.")).isVisible();
        open("/flags");
        assertThat(page.locator("#my-flags")).containsText("Waiting for review");

        // the moderator claims it and hides it, with a reason
        var moderatorContext = newContext();
        Page flaggerPage = page;
        page = moderatorContext.newPage();
        logIn(moderator.username(), TestAccounts.PASSWORD, TestAccounts.totpCode(testAccounts.secretOf(moderator)));
        open("/moderation/queue");
        var item = page.locator(".agora-queue-item", new Page.LocatorOptions().setHasText(secret));
        assertThat(item).containsText("Insults everyone on the con side");
        item.getByRole(AriaRole.BUTTON, lname("Claim")).click();
        item = page.locator(".agora-queue-item", new Page.LocatorOptions().setHasText(secret));
        assertThat(item).containsText("Claimed by " + moderator.username());
        item.getByRole(AriaRole.BUTTON, lname("Hide")).click();
        var hideDialog = page.getByRole(AriaRole.DIALOG);
        hideDialog.getByRole(AriaRole.TEXTBOX, lname("Reason")).fill("Personal attacks on other members.");
        hideDialog.getByRole(AriaRole.BUTTON, lname("Hide")).click();
        assertThat(page.locator(".agora-queue-item", new Page.LocatorOptions().setHasText(secret))).hasCount(0);
        moderatorContext.close();

        // the member who flagged it now reads "hidden by moderators", and the flag was acted on
        page = flaggerPage;
        open("/threads/" + topic.id());
        assertThat(page.locator("#post-" + post.id())).containsText("Hidden by moderators.");
        assertThat(page.locator("#post-" + post.id())).not().containsText(secret);
        open("/flags");
        assertThat(page.locator("#my-flags")).containsText("Acted on");

        // a reader's browser never receives the text: not in the page, not in any response
        var readerContext = newContext();
        page = readerContext.newPage();
        var responses = new CopyOnWriteArrayList<Response>();
        page.onResponse(responses::add);
        open("/threads/" + topic.id());
        assertThat(page.locator("#post-" + post.id())).containsText("Hidden by moderators.");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(secret);
        for (Response r : responses) {
            String body;
            try {
                body = r.text();
            } catch (RuntimeException notText) {
                continue; // redirects and the like have no body
            }
            org.assertj.core.api.Assertions.assertThat(body).as(r.url()).doesNotContain(secret);
        }

        // and the public transparency page lists the decision, without names or words
        open("/transparency");
        var decisions = page.locator("#transparency-actions");
        assertThat(decisions).containsText("Hide");
        assertThat(decisions).containsText("Harassment or abuse");
        assertThat(page.locator("main")).not().containsText(moderator.username());
        assertThat(page.locator("main")).not().containsText("Personal attacks");
        readerContext.close();
    }

    @Test
    void an_admin_watches_a_word_in_settings_and_a_members_post_with_it_is_refused_with_the_text_kept() {
        String word = "quokkacoin" + (System.nanoTime() % 1_000_000);
        var author = testAccounts.member();
        testAccounts.signIn(author);
        var topic = debates.startTopic("Filter journey " + UUID.randomUUID() + "?", 6, List.of(), Stance.NEUTRAL,
                "Which coins matter?", null);
        TestAccounts.signOut();
        var admin = testAccounts.staff(Role.ADMIN);
        var member = testAccounts.member();

        logIn(admin.username(), TestAccounts.PASSWORD, TestAccounts.totpCode(testAccounts.secretOf(admin)));
        open("/moderation/settings");
        page.getByRole(AriaRole.TEXTBOX, name("Word or phrase")).fill(word);
        page.getByRole(AriaRole.BUTTON, name("Add")).first().click();
        assertThat(page.locator("vaadin-grid").first()).containsText(word);
        logOut();

        var memberContext = newContext();
        page = memberContext.newPage();
        logIn(member.username(), TestAccounts.PASSWORD);
        open("/threads/" + topic.id());
        page.getByRole(AriaRole.RADIO, name("Pro — yes, for")).check();
        var body = page.getByRole(AriaRole.TEXTBOX, name("Your argument (Markdown)"));
        body.fill("Buy " + word.toUpperCase(java.util.Locale.ROOT) + " now");
        page.getByRole(AriaRole.BUTTON, name("Post")).click();
        assertThat(page.locator("[slot='error-message']").filter(new Locator.FilterOptions()
                .setHasText("\u201c" + word + "\u201d is not allowed here"))).isVisible();
        assertThat(body).hasValue("Buy " + word.toUpperCase(java.util.Locale.ROOT) + " now");
        memberContext.close();
        testAccounts.signIn(admin);
        settings.watchedWords().forEach(w -> settings.unwatchWord(w.id()));
        TestAccounts.signOut();
    }
}
