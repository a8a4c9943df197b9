package org.agora.moderation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.List;
import java.util.UUID;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateService;
import org.agora.debate.Post;
import org.agora.debate.Stance;
import org.agora.moderation.FlagReason;
import org.agora.moderation.FlagService;
import org.agora.moderation.ReviewQueue;
import org.agora.moderation.Target;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ReviewQueueViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @Autowired DebateCatalog catalog;
    @Autowired FlagService flags;
    @Autowired ReviewQueue queue;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private Post flaggedPost(String body) {
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("Queue view " + UUID.randomUUID() + "?", 2, List.of(), Stance.NEUTRAL, "Opening", null);
        testAccounts.signIn(testAccounts.member());
        var post = debates.post(topic.id(), null, Stance.PRO, null, body, null);
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("flagger"), Role.MEMBER));
        flags.flag(Target.post(post.id()), FlagReason.HARASSMENT, "Insults a member");
        TestAccounts.signOut();
        return post;
    }

    private ReviewQueueView open() {
        UI.getCurrent().navigate(ReviewQueueView.class);
        return (ReviewQueueView) getCurrentView();
    }

    private Button button(String itemHtmlId, String text) {
        return $(Button.class).all().stream()
                .filter(b -> text.equals(b.getText()))
                .filter(b -> b.getParent().flatMap(p -> p.getParent()).flatMap(c -> c.getId()).orElse("").equals(itemHtmlId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + text + " button on " + itemHtmlId));
    }

    @Test
    void a_moderator_claims_an_item_and_hides_it_with_a_reason() {
        var post = flaggedPost("You are an idiot, numbat");
        var moderator = testAccounts.moderator();
        testAccounts.signIn(moderator);
        long itemId = queue.find(Target.post(post.id())).orElseThrow().id();
        var view = open();
        String card = "item-" + itemId;
        var html = view.items.getElement().getOuterHTML();
        assertThat(html).contains("numbat").contains("Insults a member").contains("Harassment or abuse");
        String author = catalog.post(post.id()).orElseThrow().author().username();
        assertThat(html).as("the author's file, to warn, silence or suspend them")
                .contains("href=\"/moderation/users?u=" + author + "\"");

        test(button(card, "Claim")).click();
        assertThat(view.items.getElement().getOuterHTML()).contains("Claimed by " + moderator.username());

        test(button(card, "Hide")).click();
        var dialog = $(ActionDialog.class).single();
        test(dialog.confirm).click();
        assertThat(dialog.reason.isInvalid()).as("a reason is required").isTrue();
        test(dialog.reason).setValue("Personal attack.");
        test(dialog.confirm).click();

        TestAccounts.signOut();
        assertThat(catalog.post(post.id()).orElseThrow().withheld()).isTrue();
        testAccounts.signIn(moderator);
        assertThat(view.items.getElement().getOuterHTML()).doesNotContain("item-" + itemId + "\"");
    }

    @Test
    void the_queue_filters_by_flagger() {
        var post = flaggedPost("Filter me, quoll");
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        var view = open();
        test(view.flagger).setValue("nobody-" + UUID.randomUUID());
        assertThat(view.items.getElement().getTextRecursively()).contains("Nothing waits for review.");
        assertThat(post.id()).isPositive();
    }

    @Test
    void a_member_cannot_open_the_queue() {
        flaggedPost("Members keep out");
        testAccounts.signIn(testAccounts.member());
        UI.getCurrent().navigate("moderation/queue");
        assertThat(getCurrentView()).isNotInstanceOf(ReviewQueueView.class);
    }
}
