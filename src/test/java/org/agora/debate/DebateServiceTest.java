package org.agora.debate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.agora.account.Account;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

@IntegrationTest
class DebateServiceTest {
    @Autowired DebateService debates;
    @Autowired DebateCatalog catalog;
    @Autowired TopicRepository topics;
    @Autowired TestAccounts testAccounts;

    Account alice;
    Account bob;
    Topic topic;

    @BeforeEach
    void setUp() {
        alice = testAccounts.member();
        bob = testAccounts.member();
        testAccounts.signIn(alice);
        topic = debates.startTopic("Will " + UUID.randomUUID() + " happen by 2030?", 4, List.of("agi", "Forecast"),
                Stance.NEUTRAL, "Opening **post**", null);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_new_thread_has_its_question_tags_and_a_neutral_opening_post() {
        assertThat(topic.tags()).containsExactly("agi", "forecast");
        assertThat(topic.neutral()).isEqualTo(1);
        assertThat(topic.kind()).isEqualTo(QuestionKind.OPEN);
        var posts = catalog.timeline(topic.id(), null, 10);
        assertThat(posts).singleElement().satisfies(p -> {
            assertThat(p.opening()).isTrue();
            assertThat(p.html()).contains("<strong>post</strong>");
        });
    }

    @Test
    void posts_take_a_stance_and_count_in_the_thread_balance() {
        debates.post(topic.id(), null, Stance.PRO, null, "For it", null);
        testAccounts.signIn(bob);
        debates.post(topic.id(), null, Stance.CON, null, "Against it", null);
        debates.post(topic.id(), null, Stance.CON, null, "Still against it", null);
        var counted = catalog.find(topic.id()).orElseThrow();
        assertThat(counted.pro()).isEqualTo(1);
        assertThat(counted.con()).isEqualTo(2);
        assertThat(counted.neutral()).isEqualTo(1);
        assertThat(counted.replies()).isEqualTo(3);
        assertThat(counted.lastActivityAt()).isAfterOrEqualTo(topic.lastActivityAt());
    }

    @Test
    void replies_nest_under_the_claim_they_support_or_challenge() {
        var con = debates.post(topic.id(), null, Stance.CON, null, "Too soon", null);
        testAccounts.signIn(bob);
        var support = debates.post(topic.id(), con.id(), Stance.CON, Relation.SUPPORTS, "Agreed, too soon", null);
        var challenge = debates.post(topic.id(), con.id(), Stance.PRO, Relation.CHALLENGES, "Not at this pace", null);
        var map = catalog.argumentMap(topic.id());
        assertThat(map.opening()).isNotNull();
        assertThat(map.con()).singleElement().satisfies(node -> {
            assertThat(node.post().id()).isEqualTo(con.id());
            assertThat(node.children()).extracting(n -> n.post().id()).containsExactlyInAnyOrder(support.id(), challenge.id());
            assertThat(node.size()).isEqualTo(3);
        });
        assertThat(map.pro()).isEmpty();
        assertThat(catalog.post(con.id()).orElseThrow().replies()).isEqualTo(2);
    }

    @Test
    void a_reply_must_say_whether_it_supports_or_challenges() {
        var pro = debates.post(topic.id(), null, Stance.PRO, null, "Yes", null);
        assertThatThrownBy(() -> debates.post(topic.id(), pro.id(), Stance.PRO, null, "Hmm", null))
                .isInstanceOf(DebateException.class).hasMessage("post.relationRequired");
    }

    @Test
    void a_double_submit_posts_once() {
        var key = UUID.randomUUID();
        var first = debates.post(topic.id(), null, Stance.PRO, null, "Only once", key);
        var second = debates.post(topic.id(), null, Stance.PRO, null, "Only once", key);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(catalog.find(topic.id()).orElseThrow().replies()).isEqualTo(1);
    }

    @Test
    void a_stale_edit_is_refused_and_history_keeps_every_version() {
        var post = debates.post(topic.id(), null, Stance.PRO, null, "First version", null);
        var edited = debates.edit(post.id(), post.version(), "Second version");
        assertThat(edited.edited()).isTrue();
        assertThat(edited.html()).contains("Second version");
        assertThatThrownBy(() -> debates.edit(post.id(), post.version(), "Concurrent version"))
                .isInstanceOf(DebateException.class).hasMessage("post.changedElsewhere");
        debates.edit(edited.id(), edited.version(), "Third version");
        assertThat(catalog.revisions(post.id())).extracting(Revision::body)
                .containsExactly("First version", "Second version");
    }

    @Test
    void only_the_author_edits_or_deletes_a_post() {
        var post = debates.post(topic.id(), null, Stance.PRO, null, "Mine", null);
        testAccounts.signIn(bob);
        assertThatThrownBy(() -> debates.edit(post.id(), post.version(), "Hijacked"))
                .isInstanceOf(DebateException.class).hasMessage("post.notYours");
        assertThatThrownBy(() -> debates.delete(post.id()))
                .isInstanceOf(DebateException.class).hasMessage("post.notYours");
        assertThat(catalog.post(post.id()).orElseThrow().body()).isEqualTo("Mine");
    }

    @Test
    void a_deleted_post_keeps_its_replies() {
        var post = debates.post(topic.id(), null, Stance.PRO, null, "Soon deleted", null);
        testAccounts.signIn(bob);
        var reply = debates.post(topic.id(), post.id(), Stance.CON, Relation.CHALLENGES, "Disagree", null);
        testAccounts.signIn(alice);
        debates.delete(post.id());
        var map = catalog.argumentMap(topic.id());
        assertThat(map.pro()).singleElement().satisfies(node -> {
            assertThat(node.post().deleted()).isTrue();
            assertThat(node.children()).extracting(n -> n.post().id()).containsExactly(reply.id());
        });
        assertThat(catalog.find(topic.id()).orElseThrow().pro()).isZero();
    }

    @Test
    void convincing_counts_once_per_member_and_never_for_oneself() {
        var post = debates.post(topic.id(), null, Stance.PRO, null, "Convince me", null);
        assertThatThrownBy(() -> debates.toggleConvincing(post.id()))
                .isInstanceOf(DebateException.class).hasMessage("post.ownConvincing");
        testAccounts.signIn(bob);
        assertThat(debates.toggleConvincing(post.id())).isTrue();
        assertThat(catalog.post(post.id()).orElseThrow().convincing()).isEqualTo(1);
        assertThat(catalog.convincedPosts(topic.id())).containsExactly(post.id());
        assertThat(debates.toggleConvincing(post.id())).isFalse();
        assertThat(catalog.post(post.id()).orElseThrow().convincing()).isZero();
        debates.toggleConvincing(post.id());
        assertThat(catalog.profile(alice.username()).orElseThrow().convincingReceived()).isEqualTo(1);
    }

    @Test
    void arguments_are_ordered_by_how_convincing_they_are() {
        var weak = debates.post(topic.id(), null, Stance.PRO, null, "Weak", null);
        var strong = debates.post(topic.id(), null, Stance.PRO, null, "Strong", null);
        testAccounts.signIn(bob);
        debates.toggleConvincing(strong.id());
        assertThat(catalog.argumentMap(topic.id()).pro()).extracting(n -> n.post().id())
                .containsExactly(strong.id(), weak.id());
    }

    @Test
    void a_locked_thread_refuses_posts() {
        topics.setLocked(topic.id(), true);
        assertThatThrownBy(() -> debates.post(topic.id(), null, Stance.PRO, null, "Late", null))
                .isInstanceOf(DebateException.class).hasMessage("topic.locked");
    }

    @Test
    void bad_input_gets_a_clear_refusal() {
        assertThatThrownBy(() -> debates.post(topic.id(), null, Stance.PRO, null, "  \u200B ", null))
                .isInstanceOf(DebateException.class).hasMessage("post.empty");
        assertThatThrownBy(() -> debates.post(topic.id(), null, Stance.PRO, null, "x".repeat(1_000_000), null))
                .isInstanceOf(DebateException.class).hasMessage("post.tooLong");
        assertThatThrownBy(() -> debates.post(987654321L, null, Stance.PRO, null, "Nowhere", null))
                .isInstanceOf(DebateException.class).hasMessage("topic.notFound");
        assertThatThrownBy(() -> debates.post(topic.id(), null, null, null, "No side", null))
                .isInstanceOf(DebateException.class).hasMessage("post.stanceRequired");
        assertThatThrownBy(() -> debates.startTopic("?!", 1, List.of(), Stance.PRO, "Body", null))
                .isInstanceOf(DebateException.class).hasMessage("topic.titleLength");
        assertThatThrownBy(() -> debates.startTopic("A fine question?", 1, List.of("a", "b", "c", "d", "e", "f"),
                Stance.PRO, "Body", null)).isInstanceOf(DebateException.class).hasMessage("topic.tooManyTags");
        assertThatThrownBy(() -> debates.startTopic("A fine question?", 1, List.of("<script>"), Stance.PRO, "Body", null))
                .isInstanceOf(DebateException.class).hasMessage("topic.tagInvalid");
        assertThatThrownBy(() -> debates.startTopic("A fine question?", 999, List.of(), Stance.PRO, "Body", null))
                .isInstanceOf(DebateException.class).hasMessage("topic.categoryRequired");
    }

    @Test
    void titles_lose_invisible_and_direction_tricks() {
        var t = debates.startTopic("  Is \u202Eevil\u202C AGI\u0000 near?  ", 1, List.of(), Stance.PRO, "Body", null);
        assertThat(t.title()).isEqualTo("Is evil AGI near?");
    }

    @Test
    void markup_in_posts_is_rendered_safely() {
        var post = debates.post(topic.id(), null, Stance.PRO, null,
                "<script>alert(1)</script>\n\n[x](javascript:alert(1)) thanks @" + bob.username(), null);
        assertThat(post.html()).doesNotContain("<script").doesNotContain("href=\"javascript:");
        assertThat(post.html()).contains("href=\"/u/" + bob.username() + "\"");
    }

    @Test
    void writing_needs_a_signed_in_member_but_reading_does_not() {
        TestAccounts.signOut();
        assertThat(catalog.timeline(topic.id(), null, 10)).isNotEmpty();
        assertThatThrownBy(() -> debates.post(topic.id(), null, Stance.PRO, null, "Anonymous", null))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void search_finds_posts_and_titles_with_escaped_highlighted_snippets() {
        String word = "zyxquorum" + (System.nanoTime() % 10_000);
        debates.post(topic.id(), null, Stance.CON, null, "The " + word + " <b>argument</b> is weak", null);
        var found = catalog.search(word, null, null, 10);
        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.topicId()).isEqualTo(topic.id());
            assertThat(r.stance()).isEqualTo(Stance.CON);
            assertThat(r.snippetHtml()).contains("<mark>" + word + "</mark>").doesNotContain("<b>");
        });
        assertThat(catalog.search(word, null, Stance.PRO, 10)).isEmpty();
        assertThat(catalog.search(word, 1L, null, 10)).isEmpty();
        assertThat(catalog.search("gigafactory", null, null, 10)).first()
                .satisfies(r -> assertThat(r.topicId()).isEqualTo(6));
        assertThat(catalog.search("'); drop table debate_post; --", null, null, 10)).isEmpty();
    }

    @Test
    void thread_list_pages_by_keyset_without_repeats() {
        for (int i = 0; i < 3; i++) {
            debates.startTopic("Paging question number " + i + " " + UUID.randomUUID() + "?", 2, List.of(), Stance.PRO, "b", null);
        }
        var first = catalog.topics(TopicSort.NEWEST, 2L, null, null, 2);
        var second = catalog.topics(TopicSort.NEWEST, 2L, null, first.getLast(), 2);
        assertThat(first).hasSize(2);
        assertThat(second).isNotEmpty().extracting(Topic::id).doesNotContainAnyElementsOf(first.stream().map(Topic::id).toList());
        assertThat(catalog.topics(TopicSort.LATEST_ACTIVITY, null, "forecast", null, 50)).extracting(Topic::id).contains(topic.id());
    }
}
