package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.debate.Notification;
import org.agora.debate.NotificationService;
import org.agora.debate.PostModeration;
import org.agora.debate.Revision;
import org.agora.debate.ThreadControls;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Moderators edit flagged posts (history kept), move threads, and may tell authors of each decision. */
@IntegrationTest
class StaffContentActionsTest {
    @Autowired ReviewQueue queue;
    @Autowired FlagService flags;
    @Autowired DebateCatalog catalog;
    @Autowired ThreadControls threadControls;
    @Autowired PostModeration postModeration;
    @Autowired NotificationService notifications;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired JdbcClient jdbc;

    TestContent.Written written;
    long itemId;

    @BeforeEach
    void aFlaggedPost() {
        written = content.post("You fool. Also, compute costs fall 30% a year.");
        testAccounts.signIn(testAccounts.member());
        flags.flag(Target.post(written.post().id()), FlagReason.HARASSMENT, null);
        testAccounts.signIn(testAccounts.moderator());
        itemId = queue.find(Target.post(written.post().id())).orElseThrow().id();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private java.util.List<String> audit(ModerationAction action, Target target) {
        return jdbc.sql("""
                        select coalesce(reason_category, '-') || ' ' || reason || ' ' || coalesce(cast(before as text), '-')
                               || ' -> ' || coalesce(cast(after as text), '-')
                          from moderation_audit where action = :action and target_type = :type and target_id = :id
                           and outcome = 'OK' order by id
                        """).param("action", action.name()).param("type", target.type().name())
                .param("id", target.id()).query(String.class).list();
    }

    private java.util.List<Notification> inboxOfAuthor() {
        testAccounts.signIn(written.author());
        return notifications.inbox(null).stream().filter(n -> n.kind() == Notification.Kind.MODERATION).toList();
    }

    @Test
    void a_moderator_edits_a_flagged_post_and_its_history_keeps_the_original_marked_as_edited_by_staff() {
        long postId = written.post().id();
        assertThat(queue.editableText(itemId)).contains("You fool. Also, compute costs fall 30% a year.");
        queue.edit(itemId, FlagReason.HARASSMENT, "Removed an insult", "Compute costs fall 30% a year.", false);

        var post = catalog.post(postId).orElseThrow();
        assertThat(post.body()).isEqualTo("Compute costs fall 30% a year.");
        assertThat(post.edited()).isTrue();
        assertThat(catalog.revisions(postId)).extracting(Revision::body, Revision::replacedByStaff)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("You fool. Also, compute costs fall 30% a year.",
                        true));
        assertThat(queue.find(itemId).orElseThrow().open()).isFalse();
        assertThat(audit(ModerationAction.EDIT, Target.post(postId))).singleElement().satisfies(row -> assertThat(row)
                .startsWith("HARASSMENT Removed an insult")
                .contains("\"body\": \"You fool. Also, compute costs fall 30% a year.\"")
                .contains("-> {").endsWith("\"body\": \"Compute costs fall 30% a year.\", \"postId\": " + postId + "}"));
        assertThat(inboxOfAuthor()).isEmpty();
    }

    @Test
    void an_empty_edit_is_refused_and_changes_nothing() {
        assertThatThrownBy(() -> queue.edit(itemId, FlagReason.HARASSMENT, "Why", "  ", false))
                .isInstanceOf(ModerationException.class).hasMessage("post.empty");
        assertThat(queue.find(itemId).orElseThrow().open()).isTrue();
    }

    @Test
    void the_author_is_notified_of_a_decision_with_its_reason_only_when_the_moderator_asks() {
        queue.hide(itemId, FlagReason.HARASSMENT, "Personal attack", true);
        var notices = inboxOfAuthor();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.excerpt()).contains("hidden").contains("Personal attack");
            assertThat(n.postId()).isEqualTo(written.post().id());
            assertThat(n.actorName()).isEqualTo("Agora");
        });
        testAccounts.signIn(testAccounts.moderator());
        queue.restore(itemId, FlagReason.OTHER, "On second thought", false);
        assertThat(inboxOfAuthor()).hasSize(1);
        testAccounts.signIn(testAccounts.moderator());
        queue.edit(itemId, FlagReason.HARASSMENT, "Trimmed", "Compute costs fall.", true);
        assertThat(inboxOfAuthor()).hasSize(2).first().satisfies(n -> assertThat(n.excerpt()).contains("edited"));
    }

    @Test
    void a_moderator_moves_a_thread_to_another_category_and_the_move_is_audited() {
        long topicId = written.topic().id();
        long from = catalog.find(topicId).orElseThrow().category().id();
        long to = catalog.categories().stream().filter(c -> c.id() != from).findFirst().orElseThrow().id();
        assertThat(threadControls.move(topicId, to, "Belongs elsewhere")).isTrue();
        assertThat(catalog.find(topicId).orElseThrow().category().id()).isEqualTo(to);
        assertThat(threadControls.move(topicId, to, "Again")).isFalse();
        assertThat(audit(ModerationAction.MOVE, Target.topic(topicId))).singleElement().asString()
                .contains("Belongs elsewhere").contains("\"fromCategory\": " + from).contains("\"toCategory\": " + to);
        assertThatThrownBy(() -> threadControls.move(topicId, 999_999, "Nowhere"))
                .hasMessage("topic.categoryRequired");
    }

    @Test
    void a_flagged_thread_is_moved_from_the_queue_its_flags_actioned_and_its_author_told() {
        long topicId = written.topic().id();
        testAccounts.signIn(testAccounts.member());
        flags.flag(Target.topic(topicId), FlagReason.OFF_TOPIC, null);
        testAccounts.signIn(testAccounts.moderator());
        long threadItem = queue.find(Target.topic(topicId)).orElseThrow().id();
        long from = catalog.find(topicId).orElseThrow().category().id();
        long to = catalog.categories().stream().filter(c -> c.id() != from).findFirst().orElseThrow().id();

        assertThatThrownBy(() -> queue.move(itemId, FlagReason.OFF_TOPIC, "Wrong place", to, false))
                .as("a post is not a thread").hasMessage("moderation.moveThreadsOnly");
        assertThatThrownBy(() -> queue.move(threadItem, FlagReason.OFF_TOPIC, "Wrong place", null, false))
                .hasMessage("topic.categoryRequired");
        queue.move(threadItem, FlagReason.OFF_TOPIC, "About compute, not jobs", to, true);

        assertThat(catalog.find(topicId).orElseThrow().category().id()).isEqualTo(to);
        assertThat(queue.find(Target.topic(topicId))).as("no longer waiting in the queue")
                .hasValueSatisfying(i -> assertThat(i.flags()).isEmpty());
        assertThat(audit(ModerationAction.MOVE, Target.topic(topicId))).singleElement().asString()
                .contains("About compute, not jobs");
        // the thread's author (who wrote its opening post) is told
        assertThat(jdbc.sql("""
                        select count(*) from debate_notification n join debate_post p on p.id = n.post_id
                         where p.topic_id = :topic and p.opening and n.account_id = p.author_id and n.kind = 'MODERATION'
                        """).param("topic", topicId).query(Long.class).single()).isEqualTo(1);
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> queue.move(threadItem, FlagReason.OFF_TOPIC, "x", from, false))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void a_member_calling_the_new_staff_methods_is_refused_at_the_service_layer() {
        testAccounts.signIn(testAccounts.member());
        long postId = written.post().id();
        assertThatThrownBy(() -> queue.edit(itemId, FlagReason.SPAM, "x", "y", false))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queue.editableText(itemId)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queue.hide(itemId, FlagReason.SPAM, "x", true))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> postModeration.editPost(postId, "y")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> threadControls.move(written.topic().id(), 1, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> notifications.notifyAuthorOfModeration(postId, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(catalog.post(postId).orElseThrow().body()).startsWith("You fool");
    }
}
