package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.poll.PollKind;
import org.agora.poll.TestPolls;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

@IntegrationTest
class FlagServiceTest {
    @Autowired FlagService flags;
    @Autowired DebateCatalog catalog;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired TestPolls testPolls;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private void flagAs(org.agora.account.Account member, Target target, FlagReason reason, String text) {
        testAccounts.signIn(member);
        try {
            flags.flag(target, reason, text);
        } finally {
            TestAccounts.signOut();
        }
    }

    private long auditRows(String action, Target target) {
        return jdbc.sql("""
                        select count(*) from moderation_audit
                         where action = :action and target_type = :type and target_id = :id
                        """)
                .param("action", action).param("type", target.type().name()).param("id", target.id())
                .query(Long.class).single();
    }

    @Test
    void a_member_flags_a_post_and_sees_the_flag_pending_on_their_list() {
        var written = content.post("Buy cheap watches");
        var member = testAccounts.member();
        testAccounts.signIn(member);
        flags.flag(Target.post(written.post().id()), FlagReason.SPAM, "  an advert  ");
        assertThat(flags.myFlags()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(FlagReason.SPAM);
            assertThat(f.text()).isEqualTo("an advert");
            assertThat(f.outcome()).isEqualTo(FlagOutcome.PENDING);
            assertThat(f.targetType()).isEqualTo(TargetType.POST);
            assertThat(f.path()).isEqualTo("/threads/" + written.topic().id() + "#post-" + written.post().id());
        });
    }

    @Test
    void a_member_flags_an_item_only_once() {
        var written = content.post("Flag me twice");
        var member = testAccounts.member();
        flagAs(member, Target.post(written.post().id()), FlagReason.SPAM, null);
        assertThatThrownBy(() -> flagAs(member, Target.post(written.post().id()), FlagReason.HARASSMENT, null))
                .isInstanceOfSatisfying(ModerationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("flag.already"));
        assertThat(jdbc.sql("""
                        select pending_flags from moderation_item where target_type = 'POST' and target_id = :id
                        """).param("id", written.post().id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void the_schema_also_allows_one_flag_per_member_and_item() {
        var written = content.post("Unique in the schema");
        var member = testAccounts.member();
        flagAs(member, Target.post(written.post().id()), FlagReason.SPAM, null);
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into moderation_flag (item_id, flagger_id, reason, created_at)
                        select item_id, flagger_id, 'OFF_TOPIC', now() from moderation_flag where flagger_id = :m
                        """).param("m", member.id().value()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void nobody_flags_their_own_content() {
        var written = content.post("My own words");
        assertThatThrownBy(() -> flagAs(written.author(), Target.post(written.post().id()), FlagReason.SPAM, null))
                .isInstanceOfSatisfying(ModerationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("flag.own"));
    }

    @Test
    void something_else_needs_words_and_words_have_a_limit() {
        var written = content.post("Odd one");
        var member = testAccounts.member();
        var target = Target.post(written.post().id());
        assertThatThrownBy(() -> flagAs(member, target, FlagReason.OTHER, " \u200b "))
                .isInstanceOfSatisfying(ModerationException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("flag.textRequired");
                    assertThat(e.field()).isEqualTo("text");
                });
        assertThatThrownBy(() -> flagAs(member, target, FlagReason.OTHER, "x".repeat(501)))
                .isInstanceOfSatisfying(ModerationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("flag.textTooLong"));
        assertThatThrownBy(() -> flagAs(member, target, null, "why"))
                .isInstanceOfSatisfying(ModerationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("flag.reasonRequired"));
        flagAs(member, target, FlagReason.OTHER, "Copied from a news site\u0000 without credit");
        testAccounts.signIn(member);
        assertThat(flags.myFlags().getFirst().text()).isEqualTo("Copied from a news site without credit");
    }

    @Test
    void flagging_an_opening_post_flags_its_thread() {
        var written = content.post("A reply");
        var opening = catalog.timeline(written.topic().id(), null, 1).getFirst();
        flagAs(testAccounts.member(), Target.post(opening.id()), FlagReason.OFF_TOPIC, null);
        assertThat(jdbc.sql("select target_type from moderation_item where path = :p")
                .param("p", "/threads/" + written.topic().id()).query(String.class).single()).isEqualTo("TOPIC");
    }

    @Test
    void the_third_member_to_flag_hides_the_post_pending_review_in_the_same_transaction() {
        var written = content.post("Nasty words kookaburra");
        var target = Target.post(written.post().id());
        flagAs(testAccounts.member(), target, FlagReason.HARASSMENT, null);
        flagAs(testAccounts.member(), target, FlagReason.SPAM, null);
        assertThat(catalog.post(written.post().id()).orElseThrow().hidden()).isFalse();
        assertThat(auditRows("AUTO_HIDE", target)).isZero();

        flagAs(testAccounts.member(), target, FlagReason.HARASSMENT, null);
        var seen = catalog.post(written.post().id()).orElseThrow();
        assertThat(seen.hidden()).isTrue();
        assertThat(seen.withheld()).isTrue();
        assertThat(auditRows("AUTO_HIDE", target)).isEqualTo(1);
        var row = jdbc.sql("""
                        select actor_id, reason_category, cast(before as text) || cast(after as text) as states
                          from moderation_audit where action = 'AUTO_HIDE' and target_id = :id and target_type = 'POST'
                        """).param("id", target.id())
                .query((rs, n) -> List.of(String.valueOf(rs.getObject("actor_id")), rs.getString("reason_category"),
                        rs.getString("states"))).single();
        assertThat(row.get(0)).isEqualTo("null");
        assertThat(row.get(1)).isEqualTo("HARASSMENT");
        assertThat(row.get(2)).contains("\"hidden\": false").contains("\"hidden\": true");

        // a fourth flag changes nothing more
        flagAs(testAccounts.member(), target, FlagReason.SPAM, null);
        assertThat(auditRows("AUTO_HIDE", target)).isEqualTo(1);
    }

    @Test
    void members_flagging_at_once_hide_the_post_exactly_once() throws Exception {
        var written = content.post("Raced flags");
        var target = Target.post(written.post().id());
        var members = List.of(testAccounts.member(), testAccounts.member(), testAccounts.member(),
                testAccounts.member());
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(members.size());
        try {
            var results = new ArrayList<Future<?>>();
            for (var m : members) {
                results.add(pool.submit(() -> {
                    start.await();
                    flagAs(m, target, FlagReason.SPAM, null);
                    return null;
                }));
            }
            start.countDown();
            for (var r : results) {
                r.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(auditRows("AUTO_HIDE", target)).isEqualTo(1);
        assertThat(catalog.post(written.post().id()).orElseThrow().hidden()).isTrue();
    }

    @Test
    void a_poll_answer_can_be_flagged_but_not_by_the_poll_author() {
        var poll = testPolls.create(PollKind.SINGLE, "OPEN", "ALWAYS", 1, 1, List.of("Yes", "Rude answer"));
        var author = testAccounts.member();
        jdbc.sql("update poll set author_id = :a where id = :p").param("a", author.id().value())
                .param("p", poll.id()).update();
        var option = Target.pollOption(poll.options().get(1).id());
        assertThatThrownBy(() -> flagAs(author, option, FlagReason.HARASSMENT, null))
                .isInstanceOf(ModerationException.class);
        flagAs(testAccounts.member(), option, FlagReason.HARASSMENT, null);
        assertThat(jdbc.sql("select path from moderation_item where target_type = 'POLL_OPTION' and target_id = :id")
                .param("id", option.id()).query(String.class).single()).isEqualTo("/polls/" + poll.id());
    }

    @Test
    void readers_cannot_flag() {
        var written = content.post("Read only");
        assertThatThrownBy(() -> flags.flag(Target.post(written.post().id()), FlagReason.SPAM, null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void flags_are_rate_limited_per_member() {
        var throttle = new FlagThrottle(2,
                new org.agora.shared.metrics.AgoraMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        throttle.take(1);
        throttle.take(1);
        throttle.take(2);
        assertThatThrownBy(() -> throttle.take(1)).isInstanceOfSatisfying(ModerationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("flag.tooFast"));
    }
}
