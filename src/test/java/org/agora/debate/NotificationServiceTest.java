package org.agora.debate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.agora.account.Account;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class NotificationServiceTest {
    @Autowired DebateService debates;
    @Autowired NotificationService notifications;
    @Autowired TestAccounts testAccounts;

    Account starter;
    Account alice;
    Account bob;
    Topic topic;

    @BeforeEach
    void setUp() {
        starter = testAccounts.member();
        alice = testAccounts.member();
        bob = testAccounts.member();
        testAccounts.signIn(starter);
        topic = debates.startTopic("Notify " + UUID.randomUUID() + "?", 1, List.of(), Stance.NEUTRAL, "Opening", null);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private List<Notification> inboxOf(Account account) {
        testAccounts.signIn(account);
        return notifications.inbox(null);
    }

    @Test
    void a_reply_notifies_the_parent_author_once_even_when_it_also_mentions_them() {
        testAccounts.signIn(alice);
        var post = debates.post(topic.id(), null, Stance.PRO, null, "Alice's claim", null);
        testAccounts.signIn(bob);
        debates.post(topic.id(), post.id(), Stance.CON, Relation.CHALLENGES, "No, @" + alice.username() + ".", null);
        assertThat(inboxOf(alice)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notification.Kind.REPLY);
            assertThat(n.actorName()).isEqualTo(bob.displayName());
            assertThat(n.excerpt()).startsWith("No, @");
            assertThat(n.read()).isFalse();
        });
    }

    @Test
    void mentions_notify_the_member_mentioned_but_never_the_author() {
        testAccounts.signIn(alice);
        debates.post(topic.id(), null, Stance.PRO, null, "What do @" + bob.username() + " and @" + alice.username()
                + " and @nobody_at_all think?", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(starter).size() == 1); // background fan-out done
        assertThat(inboxOf(bob)).extracting(Notification::kind).containsExactly(Notification.Kind.MENTION);
        assertThat(inboxOf(alice)).isEmpty();
    }

    @Test
    void followers_hear_of_new_posts_and_posting_follows_the_thread() {
        testAccounts.signIn(alice);
        debates.post(topic.id(), null, Stance.PRO, null, "First", null); // alice now follows
        testAccounts.signIn(bob);
        debates.post(topic.id(), null, Stance.CON, null, "Second", null);
        // followers are told after the commit, in the background
        await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(alice).size() == 1 && inboxOf(starter).size() == 2);
        assertThat(inboxOf(alice)).extracting(Notification::kind).containsExactly(Notification.Kind.FOLLOWED_POST);
        assertThat(inboxOf(starter)).hasSize(2); // the starter follows the thread they started

        testAccounts.signIn(alice);
        notifications.setFollowing(topic.id(), false);
        assertThat(notifications.isFollowing(topic.id())).isFalse();
        testAccounts.signIn(bob);
        debates.post(topic.id(), null, Stance.CON, null, "Third", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> inboxOf(starter).size() == 3);
        assertThat(inboxOf(alice)).hasSize(1);
    }

    @Test
    void a_member_reads_only_their_own_notifications() {
        testAccounts.signIn(alice);
        debates.post(topic.id(), null, Stance.PRO, null, "Hello @" + bob.username(), null);
        var bobs = inboxOf(bob);
        testAccounts.signIn(alice);
        assertThat(notifications.markRead(bobs.getFirst().id())).isFalse();
        testAccounts.signIn(bob);
        assertThat(notifications.unread()).isEqualTo(1);
        assertThat(notifications.markRead(bobs.getFirst().id())).isTrue();
        assertThat(notifications.unread()).isZero();
    }

    @Test
    void the_bell_rings_live_and_mark_all_read_clears_it() {
        var rings = new AtomicInteger();
        var stop = notifications.watch(bob.id().value(), rings::incrementAndGet);
        try {
            testAccounts.signIn(alice);
            debates.post(topic.id(), null, Stance.PRO, null, "Ping @" + bob.username(), null);
            await().atMost(Duration.ofSeconds(10)).until(() -> rings.get() >= 1);
            testAccounts.signIn(bob);
            assertThat(notifications.markAllRead()).isEqualTo(1);
            assertThat(notifications.unread()).isZero();
        } finally {
            stop.run();
        }
    }
}
