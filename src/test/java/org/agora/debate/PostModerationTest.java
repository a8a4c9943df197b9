package org.agora.debate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.agora.account.Account;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Hiding, restoring and removing debate content, and that hidden text reaches only its author and staff. */
@IntegrationTest
class PostModerationTest {
    @Autowired PostModeration moderation;
    @Autowired DebateService debates;
    @Autowired DebateCatalog catalog;
    @Autowired NotificationService notifications;
    @Autowired TestAccounts testAccounts;
    @LocalServerPort int port;

    Account author;
    Account reader;
    Account moderator;
    Topic topic;
    Post post;
    String secret;

    @BeforeEach
    void setUp() {
        author = testAccounts.member();
        reader = testAccounts.member();
        moderator = testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR);
        secret = "zebracode" + (System.nanoTime() % 1_000_000);
        testAccounts.signIn(author);
        topic = debates.startTopic("Hiding " + UUID.randomUUID() + "?", 1, List.of(), Stance.NEUTRAL, "Opening", null);
        testAccounts.signIn(reader);
        debates.post(topic.id(), null, Stance.PRO, null, "A reply to follow", null);
        testAccounts.signIn(author);
        post = debates.post(topic.id(), null, Stance.CON, null, "Offensive " + secret + " words", null);
        TestAccounts.signOut();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void hide() {
        testAccounts.signIn(moderator);
        assertThat(moderation.hidePost(post.id(), "Harassment of another member.")).isTrue();
        TestAccounts.signOut();
    }

    @Test
    void a_hidden_post_is_withheld_from_readers_and_members_but_not_from_its_author_or_staff() {
        hide();
        var asReader = catalog.post(post.id()).orElseThrow();
        assertThat(asReader.withheld()).isTrue();
        assertThat(asReader.body()).isEmpty();
        assertThat(asReader.html()).isEmpty();
        assertThat(asReader.hiddenReason()).isNull();
        assertThat(catalog.timeline(topic.id(), null, 10)).noneMatch(p -> p.html().contains(secret));
        assertThat(catalog.argumentMap(topic.id()).con()).allSatisfy(n -> assertThat(n.post().body()).isEmpty());

        testAccounts.signIn(reader);
        assertThat(catalog.post(post.id()).orElseThrow().withheld()).isTrue();
        assertThat(catalog.revisions(post.id())).isEmpty();

        testAccounts.signIn(author);
        var asAuthor = catalog.post(post.id()).orElseThrow();
        assertThat(asAuthor.withheld()).isFalse();
        assertThat(asAuthor.html()).contains(secret);
        assertThat(asAuthor.hiddenReason()).isEqualTo("Harassment of another member.");

        testAccounts.signIn(moderator);
        assertThat(catalog.post(post.id()).orElseThrow().html()).contains(secret);
    }

    @Test
    void a_hidden_post_takes_no_new_convincing_marks_but_one_given_before_can_be_taken_back() {
        var other = testAccounts.member();
        testAccounts.signIn(reader);
        assertThat(debates.toggleConvincing(post.id())).isTrue();
        hide();
        testAccounts.signIn(other);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> debates.toggleConvincing(post.id()))
                .isInstanceOf(DebateException.class).hasMessageContaining("post.hiddenConvincing");
        testAccounts.signIn(reader);
        assertThat(debates.toggleConvincing(post.id())).as("the earlier mark is taken back").isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> debates.toggleConvincing(post.id()))
                .isInstanceOf(DebateException.class);
    }

    @Test
    void a_hidden_post_leaves_search_and_the_profile() {
        assertThat(catalog.search(secret, null, null, 10)).hasSize(1);
        hide();
        assertThat(catalog.search(secret, null, null, 10)).isEmpty();
        assertThat(catalog.profile(author.username()).orElseThrow().recentPosts())
                .noneMatch(p -> p.body().contains(secret));
    }

    @Test
    void the_api_and_the_feed_never_carry_hidden_text() throws Exception {
        hide();
        var http = HttpClient.newHttpClient();
        String api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/threads/"
                + topic.id())).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(api).doesNotContain(secret).contains("\"hidden\":true");
        String feed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/feeds/threads/"
                + topic.id() + ".atom")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(feed).doesNotContain(secret).contains("Hidden by moderators.");
    }

    @Test
    void a_reply_notification_about_a_hidden_post_has_no_excerpt() {
        // the reader follows the thread they posted in; the author answered them
        testAccounts.signIn(reader);
        long until = System.currentTimeMillis() + 10_000;
        while (!notificationExcerpts().contains(secret) && System.currentTimeMillis() < until) {
            Thread.onSpinWait(); // the followers are told after commit, on another thread
        }
        assertThat(notificationExcerpts()).contains(secret);
        hide();
        testAccounts.signIn(reader);
        assertThat(notificationExcerpts()).doesNotContain(secret);
    }

    private String notificationExcerpts() {
        return String.join("|", notifications.inbox(null).stream().map(Notification::excerpt).toList());
    }

    @Test
    void restoring_shows_the_post_again() {
        hide();
        testAccounts.signIn(moderator);
        assertThat(moderation.restorePost(post.id())).isTrue();
        assertThat(moderation.restorePost(post.id())).isFalse();
        TestAccounts.signOut();
        assertThat(catalog.post(post.id()).orElseThrow().html()).contains(secret);
    }

    @Test
    void removing_a_post_uncounts_it_and_restoring_counts_it_again() {
        int con = catalog.find(topic.id()).orElseThrow().con();
        testAccounts.signIn(moderator);
        assertThat(moderation.softDeletePost(post.id(), "Illegal content.")).isTrue();
        TestAccounts.signOut();
        var removed = catalog.post(post.id()).orElseThrow();
        assertThat(removed.removedByModerators()).isTrue();
        assertThat(removed.body()).isEmpty();
        assertThat(catalog.find(topic.id()).orElseThrow().con()).isEqualTo(con - 1);
        testAccounts.signIn(author);
        assertThatThrownBy(() -> debates.edit(post.id(), removed.version(), "sneaky edit"))
                .isInstanceOf(DebateException.class);
        testAccounts.signIn(moderator);
        assertThat(moderation.restorePost(post.id())).isTrue();
        assertThat(catalog.find(topic.id()).orElseThrow().con()).isEqualTo(con);
    }

    @Test
    void hiding_a_thread_unlists_it_and_withholds_its_title_from_others() {
        testAccounts.signIn(moderator);
        var opening = catalog.timeline(topic.id(), null, 1).getFirst();
        assertThat(moderation.hidePost(opening.id(), "Spam thread.")).isTrue(); // the opening post hides its thread
        TestAccounts.signOut();
        var asReader = catalog.find(topic.id()).orElseThrow();
        assertThat(asReader.withheld()).isTrue();
        assertThat(asReader.title()).isEmpty();
        assertThat(catalog.timeline(topic.id(), null, 10)).isEmpty();
        assertThat(catalog.topics(TopicSort.NEWEST, null, null, null, 100)).noneMatch(t -> t.id() == topic.id());
        testAccounts.signIn(reader);
        assertThatThrownBy(() -> debates.post(topic.id(), null, Stance.PRO, null, "Still here?", null))
                .isInstanceOf(DebateException.class);
        testAccounts.signIn(author);
        assertThat(catalog.find(topic.id()).orElseThrow().title()).startsWith("Hiding ");
        testAccounts.signIn(moderator);
        assertThat(moderation.restoreTopic(topic.id())).isTrue();
        TestAccounts.signOut();
        assertThat(catalog.find(topic.id()).orElseThrow().withheld()).isFalse();
    }

    @Test
    void moderators_must_give_a_reason() {
        testAccounts.signIn(moderator);
        assertThatThrownBy(() -> moderation.hidePost(post.id(), "  "))
                .isInstanceOfSatisfying(DebateException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("moderation.reasonRequired"));
    }

    @Test
    void members_and_readers_cannot_hide() {
        testAccounts.signIn(reader);
        assertThatThrownBy(() -> moderation.hidePost(post.id(), "I disagree"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> moderation.describePost(post.id()))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signOut();
        assertThatThrownBy(() -> moderation.hidePost(post.id(), "I disagree"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(catalog.post(post.id()).orElseThrow().hidden()).isFalse();
    }
}
