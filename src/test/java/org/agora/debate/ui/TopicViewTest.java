package org.agora.debate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateService;
import org.agora.debate.Relation;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TopicViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @Autowired DebateCatalog catalog;
    @Autowired org.agora.debate.PostModeration moderation;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private TopicView open(long id) {
        UI.getCurrent().navigate(TopicView.class, new RouteParameters(Map.of("id", String.valueOf(id))));
        return (TopicView) getCurrentView();
    }

    private Topic newTopic() {
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("View test " + UUID.randomUUID() + "?", 1, List.of(), Stance.NEUTRAL, "Opening", null);
        TestAccounts.signOut();
        return topic;
    }

    @Test
    void a_reader_sees_the_seeded_debate_and_a_sign_in_prompt_instead_of_the_form() {
        var view = open(1);
        assertThat(view.title.getText()).isEqualTo("Will AI supplant most human jobs — and when?");
        assertThat($(PostCard.class).all()).hasSizeGreaterThanOrEqualTo(4); // opening + demo arguments
        assertThat($(Composer.class).all()).isEmpty();
        assertThat(view.composerSlot.getElement().getTextRecursively()).contains("Log in or register");
    }

    @Test
    void a_member_posts_a_con_argument_and_sees_it_in_the_thread() {
        var topic = newTopic();
        testAccounts.signIn(testAccounts.member());
        var view = open(topic.id());
        var composer = $(Composer.class).single();
        test(composer.stance).selectItem("Con — no, against");
        test(composer.body).setValue("Compute alone **will not** get there.");
        test(composer.submit).click();
        assertThat(catalog.find(topic.id()).orElseThrow().con()).isEqualTo(1);
        assertThat(view.timeline.getElement().getOuterHTML()).contains("<strong>will not</strong>");
        assertThat(composer.body.getValue()).isEmpty();
    }

    @Test
    void posting_without_a_stance_keeps_the_text_and_says_why() {
        var topic = newTopic();
        testAccounts.signIn(testAccounts.member());
        open(topic.id());
        var composer = $(Composer.class).single();
        test(composer.body).setValue("My careful argument");
        test(composer.submit).click();
        assertThat(composer.stance.isInvalid()).isTrue();
        assertThat(composer.body.getValue()).isEqualTo("My careful argument");
        assertThat(catalog.find(topic.id()).orElseThrow().replies()).isZero();
    }

    @Test
    void the_argument_map_shows_a_reply_under_its_parent() {
        var topic = newTopic();
        var author = testAccounts.member();
        testAccounts.signIn(author);
        var con = debates.post(topic.id(), null, Stance.CON, null, "Parent claim", null);
        var reply = debates.post(topic.id(), con.id(), Stance.CON, Relation.SUPPORTS, "Supporting reply", null);
        var view = open(topic.id());
        view.modes.setSelectedTab(view.mapTab);
        var parentCard = $(PostCard.class).all().stream().filter(c -> c.post().id() == con.id()).findFirst().orElseThrow();
        var node = parentCard.getParent().orElseThrow();
        assertThat(node.getElement().getOuterHTML()).contains("Supporting reply");
        assertThat(node.getElement().getOuterHTML()).contains("post-" + reply.id());
        assertThat(view.map.getElement().getOuterHTML()).contains("Against (1)");
    }

    @Test
    void a_returning_member_can_jump_to_the_first_unread_post() {
        var topic = newTopic();
        var reader = testAccounts.member();
        var writer = testAccounts.member();
        testAccounts.signIn(reader);
        var first = open(topic.id());
        assertThat(first.jumpToUnread.isVisible()).as("first visit").isFalse();

        testAccounts.signIn(writer);
        var unread = debates.post(topic.id(), null, Stance.PRO, null, "New since your visit", null);
        debates.post(topic.id(), null, Stance.CON, null, "Also new", null);

        testAccounts.signIn(reader);
        var again = open(topic.id());
        assertThat(again.jumpToUnread.isVisible()).isTrue();
        assertThat(again.jumpToUnread.getText()).contains("2 new");
        test(again.jumpToUnread).click();
        assertThat(again.jumpToUnread.isVisible()).isFalse();
        assertThat($(PostCard.class).all()).anyMatch(c -> c.post().id() == unread.id());

        var third = open(topic.id());
        assertThat(third.jumpToUnread.isVisible()).as("all read now").isFalse();
    }

    @Test
    void a_hidden_post_reads_hidden_by_moderators_and_its_text_never_reaches_the_page() {
        var topic = newTopic();
        var author = testAccounts.member();
        testAccounts.signIn(author);
        var post = debates.post(topic.id(), null, Stance.CON, null, "Rude words quokka", null);
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), org.agora.account.Role.MODERATOR));
        moderation.hidePost(post.id(), "Harassment.");

        testAccounts.signIn(testAccounts.member());
        var view = open(topic.id());
        assertThat(view.getElement().getOuterHTML()).doesNotContain("quokka").contains("Hidden by moderators.");
        var card = $(PostCard.class).all().stream().filter(c -> c.post().id() == post.id()).findFirst().orElseThrow();
        assertThat(card.flag.isVisible() && card.flag.getParent().isPresent()).as("nothing left to flag").isFalse();

        testAccounts.signIn(author);
        var mine = open(topic.id());
        assertThat(mine.getElement().getOuterHTML()).contains("quokka").contains("Hidden by moderators: Harassment.");
    }

    @Test
    void a_hidden_thread_shows_only_a_notice_to_readers() {
        var topic = newTopic();
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), org.agora.account.Role.MODERATOR));
        moderation.hideTopic(topic.id(), "Spam.");
        TestAccounts.signOut();
        var view = open(topic.id());
        assertThat(view.title.getElement().getTextRecursively()).isEqualTo("Hidden by moderators");
        assertThat(view.getElement().getOuterHTML()).doesNotContain(topic.title()).doesNotContain("Opening");
        assertThat($(PostCard.class).all()).isEmpty();
    }

    @Test
    void a_member_flags_someone_elses_post_from_its_card_but_not_their_own() {
        var topic = newTopic();
        var author = testAccounts.member();
        testAccounts.signIn(author);
        var post = debates.post(topic.id(), null, Stance.PRO, null, "Flag-worthy text", null);
        var mine = open(topic.id());
        var ownCard = $(PostCard.class).all().stream().filter(c -> c.post().id() == post.id()).findFirst().orElseThrow();
        assertThat(ownCard.flag.getParent()).as("no Flag on one's own post").isEmpty();
        assertThat(mine).isNotNull();

        testAccounts.signIn(testAccounts.member());
        open(topic.id());
        var card = $(PostCard.class).all().stream().filter(c -> c.post().id() == post.id()).findFirst().orElseThrow();
        assertThat(card.flag.getAriaLabel()).hasValueSatisfying(l -> assertThat(l).startsWith("Flag this post by"));
        test(card.flag).click();
        var dialog = $(FlagDialog.class).single();
        test(dialog.reason).selectItem("Something else");
        test(dialog.send).click();
        assertThat(dialog.text.isInvalid()).as("something else needs words").isTrue();
        test(dialog.text).setValue("Copied from elsewhere");
        test(dialog.send).click();
        assertThat(dialog.isOpened()).isFalse();
    }
}
