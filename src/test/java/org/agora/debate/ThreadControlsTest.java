package org.agora.debate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Staff lock threads and put them in slow mode; each change is audited. */
@IntegrationTest
class ThreadControlsTest {
    @Autowired ThreadControls controls;
    @Autowired DebateService debates;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;
    @Autowired DebateCatalog catalog;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private Topic topic() {
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("Thread controls " + UUID.randomUUID() + "?", 2, List.of(), Stance.NEUTRAL,
                "Opening", null);
        TestAccounts.signOut();
        return topic;
    }

    private List<String> audit(Topic topic) {
        return jdbc.sql("""
                        select action || ':' || reason from moderation_audit
                         where target_type = 'TOPIC' and target_id = :id order by id
                        """)
                .param("id", topic.id()).query(String.class).list();
    }

    @Test
    void a_locked_thread_refuses_posts_until_it_is_unlocked_and_both_are_audited() {
        var topic = topic();
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        assertThat(controls.setLocked(topic.id(), true, "Heated; cooling off.")).isTrue();
        assertThat(controls.setLocked(topic.id(), true, "Again.")).isFalse();
        testAccounts.signIn(member);
        assertThatThrownBy(() -> debates.post(topic.id(), null, Stance.PRO, null, "Hello", null))
                .isInstanceOf(DebateException.class).hasMessage("topic.locked");
        testAccounts.signIn(testAccounts.moderator());
        controls.setLocked(topic.id(), false, "Calm again.");
        testAccounts.signIn(member);
        debates.post(topic.id(), null, Stance.PRO, null, "Hello", null);
        assertThat(audit(topic)).containsExactly("LOCK:Heated; cooling off.", "UNLOCK:Calm again.");
    }

    @Test
    void in_slow_mode_a_member_posts_once_per_interval_until_it_ends() {
        var topic = topic();
        var member = testAccounts.member();
        var moderator = testAccounts.moderator();
        testAccounts.signIn(moderator);
        controls.slowMode(topic.id(), 10, Duration.ofHours(2), "Too fast.");
        assertThat(controls.state(topic.id()).slowModeMinutes()).isEqualTo(10);
        testAccounts.signIn(member);
        debates.post(topic.id(), null, Stance.PRO, null, "First", null);
        assertThatThrownBy(() -> debates.post(topic.id(), null, Stance.PRO, null, "Second", null))
                .isInstanceOfSatisfying(DebateException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("topic.slowMode");
                    assertThat(e.args()[0]).isEqualTo(10);
                });
        // staff are not slowed down
        testAccounts.signIn(moderator);
        debates.post(topic.id(), null, Stance.NEUTRAL, null, "Staff note", null);
        debates.post(topic.id(), null, Stance.NEUTRAL, null, "Another staff note", null);
        // once the interval has passed (the member's post moved back in time), the member posts again
        jdbc.sql("update debate_post set created_at = created_at - interval '11 minutes' where topic_id = :t and author_id = :a")
                .param("t", topic.id()).param("a", member.id().value()).update();
        testAccounts.signIn(member);
        debates.post(topic.id(), null, Stance.PRO, null, "Second, later", null);
        // and when slow mode is over, there is no interval at all
        jdbc.sql("update debate_topic set slow_mode_until = now() - interval '1 minute' where id = :t")
                .param("t", topic.id()).update();
        debates.post(topic.id(), null, Stance.PRO, null, "Third, at once", null);
        testAccounts.signIn(moderator);
        controls.endSlowMode(topic.id(), "Over.");
        assertThat(controls.state(topic.id()).slowModeUntil()).isNull();
        assertThat(audit(topic)).containsExactly("SLOW_MODE:Too fast.", "SLOW_MODE:Over.");
    }

    @Test
    void members_cannot_control_threads_and_staff_need_a_reason() {
        var topic = topic();
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> controls.setLocked(topic.id(), true, "Mine now."))
                .isInstanceOf(AuthorizationDeniedException.class);
        testAccounts.signIn(testAccounts.moderator());
        assertThatThrownBy(() -> controls.slowMode(topic.id(), 5, Duration.ofHours(1), " "))
                .isInstanceOf(DebateException.class).hasMessage("moderation.reasonRequired");
        assertThatThrownBy(() -> controls.slowMode(topic.id(), 0, Duration.ofHours(1), "Why not"))
                .isInstanceOf(DebateException.class).hasMessage("topic.slowModeMinutes");
    }

    @Test
    void pinned_threads_come_first_on_the_threads_page_once_and_pins_are_audited() {
        var topic = topic();
        topic(); // a newer thread, which would come first if nothing were pinned
        jdbc.sql("update debate_topic set pinned_at = null").update();
        testAccounts.signIn(testAccounts.moderator());
        assertThat(controls.setPinned(topic.id(), true, "Read this first.")).isTrue();
        var first = catalog.topicsPinnedFirst(TopicSort.LATEST_ACTIVITY, null, null, null, 100);
        assertThat(first.getFirst().id()).isEqualTo(topic.id());
        assertThat(first).extracting(Topic::id).containsOnlyOnce(topic.id());
        assertThat(controls.state(topic.id()).pinned()).isTrue();
        controls.setPinned(topic.id(), false, "Done.");
        assertThat(catalog.topicsPinnedFirst(TopicSort.LATEST_ACTIVITY, null, null, null, 100).getFirst().id())
                .isNotEqualTo(topic.id());
        assertThat(audit(topic)).containsExactly("PIN:Read this first.", "UNPIN:Done.");
    }
}
