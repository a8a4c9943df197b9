package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.agora.account.Account;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Moderators claim flagged items and decide on them; each decision gives the flags an outcome and is audited. */
@IntegrationTest
class ReviewQueueTest {
    @Autowired ReviewQueue queue;
    @Autowired FlagService flags;
    @Autowired DebateCatalog catalog;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired JdbcClient jdbc;

    TestContent.Written written;
    Account flagger;
    Account moderator;
    long itemId;

    @BeforeEach
    void setUp() {
        written = content.post("Questionable claim wombat");
        flagger = testAccounts.member();
        testAccounts.signIn(flagger);
        flags.flag(Target.post(written.post().id()), FlagReason.MISINFORMATION, "Made-up numbers");
        moderator = content.moderator();
        testAccounts.signIn(moderator);
        itemId = queue.find(Target.post(written.post().id())).orElseThrow().id();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private record Row(String action, String actor, String category, String reason, String before, String after,
                       String outcome) {
    }

    private List<Row> audit(Target target) {
        return jdbc.sql("""
                        select action, actor_name, reason_category, reason, cast(before as text) as b,
                               cast(after as text) as a, outcome
                          from moderation_audit where target_type = :type and target_id = :id order by id
                        """)
                .param("type", target.type().name()).param("id", target.id())
                .query((rs, n) -> new Row(rs.getString("action"), rs.getString("actor_name"),
                        rs.getString("reason_category"), rs.getString("reason"), rs.getString("b"),
                        rs.getString("a"), rs.getString("outcome")))
                .list();
    }

    private FlagOutcome flaggersOutcome() {
        testAccounts.signIn(flagger);
        var outcome = flags.myFlags().getFirst().outcome();
        testAccounts.signIn(moderator);
        return outcome;
    }

    @Test
    void the_queue_shows_the_item_with_its_flags_content_and_counts() {
        var second = testAccounts.member();
        testAccounts.signIn(second);
        flags.flag(Target.post(written.post().id()), FlagReason.SPAM, null);
        testAccounts.signIn(moderator);
        var item = queue.open(QueueFilter.ALL).stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
        assertThat(item.content().excerpt()).contains("wombat");
        assertThat(item.content().authorName()).isEqualTo(written.author().displayName());
        assertThat(item.content().authorUsername()).as("links to the author's file, to warn, silence or suspend")
                .isEqualTo(written.author().username());
        assertThat(item.flags()).extracting(QueueItem.Flag::flagger)
                .containsExactly(flagger.username(), second.username());
        assertThat(item.flags().getFirst().text()).isEqualTo("Made-up numbers");
        assertThat(item.countsByReason()).containsEntry(FlagReason.MISINFORMATION, 1).containsEntry(FlagReason.SPAM, 1);
        assertThat(item.firstFlaggedAt()).isBeforeOrEqualTo(item.lastFlaggedAt());
    }

    @Test
    void the_queue_filters_by_reason_flagger_and_age() {
        assertThat(queue.open(new QueueFilter(FlagReason.MISINFORMATION, null, null))).anyMatch(i -> i.id() == itemId);
        assertThat(queue.open(new QueueFilter(FlagReason.ILLEGAL, null, null))).noneMatch(i -> i.id() == itemId);
        assertThat(queue.open(new QueueFilter(null, flagger.username().toUpperCase(), null)))
                .extracting(QueueItem::id).containsExactly(itemId);
        assertThat(queue.open(new QueueFilter(null, null, QueueFilter.Age.LAST_DAY))).anyMatch(i -> i.id() == itemId);
        assertThat(queue.open(new QueueFilter(null, null, QueueFilter.Age.OLDER_THAN_A_WEEK)))
                .noneMatch(i -> i.id() == itemId);
    }

    @Test
    void a_claimed_item_shows_its_moderator_and_nobody_else_can_claim_or_decide() {
        queue.claim(itemId);
        var other = content.moderator();
        testAccounts.signIn(other);
        assertThat(queue.find(itemId).orElseThrow().claimedBy()).isEqualTo(moderator.username());
        assertThatThrownBy(() -> queue.claim(itemId)).isInstanceOfSatisfying(ModerationException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("moderation.claimedByOther");
            assertThat(e.args()).containsExactly(moderator.username());
        });
        assertThatThrownBy(() -> queue.hide(itemId, FlagReason.SPAM, "Mine now"))
                .isInstanceOf(ModerationException.class);
        testAccounts.signIn(moderator);
        queue.release(itemId);
        testAccounts.signIn(other);
        assertThat(queue.claim(itemId).claimedBy()).isEqualTo(other.username());
        assertThat(audit(Target.post(written.post().id()))).extracting(Row::action)
                .containsExactly("CLAIM", "RELEASE", "CLAIM");
    }

    @Test
    void of_two_moderators_claiming_at_once_exactly_one_gets_the_item() throws Exception {
        var first = content.moderator();
        var second = content.moderator();
        var start = new CountDownLatch(1);
        Callable<Boolean> claimAs1 = claimer(first, start);
        Callable<Boolean> claimAs2 = claimer(second, start);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(claimAs1);
            var b = pool.submit(claimAs2);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
    }

    private Callable<Boolean> claimer(Account who, CountDownLatch start) {
        return () -> {
            start.await();
            testAccounts.signIn(who);
            try {
                queue.claim(itemId);
                return true;
            } catch (ModerationException e) {
                return false;
            } finally {
                TestAccounts.signOut();
            }
        };
    }

    @Test
    void hiding_hides_the_post_actions_the_flags_closes_the_item_and_is_audited() {
        queue.claim(itemId);
        queue.hide(itemId, FlagReason.MISINFORMATION, "Fabricated statistics.");
        TestAccounts.signOut();
        assertThat(catalog.post(written.post().id()).orElseThrow().withheld()).isTrue();
        testAccounts.signIn(moderator);
        assertThat(flaggersOutcome()).isEqualTo(FlagOutcome.ACTIONED);
        assertThat(queue.open(QueueFilter.ALL)).noneMatch(i -> i.id() == itemId);
        var item = queue.find(itemId).orElseThrow();
        assertThat(item.claimedBy()).isNull();
        assertThat(item.open()).isFalse();
        assertThat(audit(Target.post(written.post().id())).getLast()).satisfies(row -> {
            assertThat(row.action()).isEqualTo("HIDE");
            assertThat(row.actor()).isEqualTo(moderator.username());
            assertThat(row.category()).isEqualTo("MISINFORMATION");
            assertThat(row.reason()).isEqualTo("Fabricated statistics.");
            assertThat(row.before()).contains("\"hidden\": false");
            assertThat(row.after()).contains("\"hidden\": true");
            assertThat(row.outcome()).isEqualTo("OK");
        });
        testAccounts.signIn(written.author());
        assertThat(catalog.post(written.post().id()).orElseThrow().hiddenReason()).isEqualTo("Fabricated statistics.");
    }

    @Test
    void dismissing_dismisses_the_flags_and_shows_auto_hidden_content_again() {
        for (int i = 0; i < 2; i++) {
            testAccounts.signIn(testAccounts.member());
            flags.flag(Target.post(written.post().id()), FlagReason.SPAM, null);
        }
        testAccounts.signIn(moderator);
        assertThat(queue.find(itemId).orElseThrow().autoHiddenAt()).isNotNull();
        queue.dismiss(itemId, FlagReason.OTHER, "A fair if blunt argument.");
        assertThat(flaggersOutcome()).isEqualTo(FlagOutcome.DISMISSED);
        TestAccounts.signOut();
        assertThat(catalog.post(written.post().id()).orElseThrow().hidden()).isFalse();
        testAccounts.signIn(moderator);
        assertThat(audit(Target.post(written.post().id()))).extracting(Row::action)
                .containsExactly("AUTO_HIDE", "DISMISS");
    }

    @Test
    void restoring_and_soft_deleting_are_audited_with_the_state_before_and_after() {
        queue.softDelete(itemId, FlagReason.ILLEGAL, "Doxxing.");
        TestAccounts.signOut();
        assertThat(catalog.post(written.post().id()).orElseThrow().removedByModerators()).isTrue();
        testAccounts.signIn(moderator);
        assertThat(flaggersOutcome()).isEqualTo(FlagOutcome.ACTIONED);
        queue.restore(itemId, FlagReason.OTHER, "Removed by mistake.");
        TestAccounts.signOut();
        assertThat(catalog.post(written.post().id()).orElseThrow().deleted()).isFalse();
        testAccounts.signIn(moderator);
        var rows = audit(Target.post(written.post().id()));
        assertThat(rows).extracting(Row::action).containsExactly("SOFT_DELETE", "RESTORE");
        assertThat(rows.get(0).after()).contains("\"removed\": true");
        assertThat(rows.get(1).before()).contains("\"removed\": true");
        assertThat(rows.get(1).after()).contains("\"removed\": false");
    }

    @Test
    void every_decision_needs_a_category_and_a_reason() {
        assertThatThrownBy(() -> queue.hide(itemId, FlagReason.SPAM, " "))
                .isInstanceOfSatisfying(ModerationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> queue.hide(itemId, null, "Spam"))
                .isInstanceOfSatisfying(ModerationException.class, e -> assertThat(e.field()).isEqualTo("category"));
        assertThat(catalog.post(written.post().id()).orElseThrow().hidden()).isFalse();
        assertThat(audit(Target.post(written.post().id()))).isEmpty();
    }

    @Test
    void members_are_refused_and_the_refusal_is_audited() {
        testAccounts.signIn(flagger);
        assertThatThrownBy(() -> queue.open(QueueFilter.ALL)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queue.hide(itemId, FlagReason.SPAM, "I can do this"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queue.claim(itemId)).isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signOut();
        assertThatThrownBy(() -> queue.hide(itemId, FlagReason.SPAM, "Anonymous"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(catalog.post(written.post().id()).orElseThrow().hidden()).isFalse();
        var rows = audit(Target.post(written.post().id()));
        assertThat(rows).extracting(Row::action, Row::outcome, Row::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HIDE", "DENIED", flagger.username()),
                        org.assertj.core.groups.Tuple.tuple("CLAIM", "DENIED", flagger.username()));
        assertThat(jdbc.sql("""
                        select count(*) from moderation_audit
                         where outcome = 'DENIED' and action = 'VIEW' and actor_id = :m
                        """).param("m", flagger.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_moderator_without_two_factor_authentication_is_refused() {
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), org.agora.account.Role.MODERATOR));
        assertThatThrownBy(() -> queue.open(QueueFilter.ALL)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> queue.hide(itemId, FlagReason.SPAM, "No second factor"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(catalog.post(written.post().id()).orElseThrow().hidden()).isFalse();
    }
}
