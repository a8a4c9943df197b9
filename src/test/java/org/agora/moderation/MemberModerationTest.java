package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.agora.account.Account;
import org.agora.account.AccountStanding;
import org.agora.account.Role;
import org.agora.account.SanctionKind;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateException;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.poll.Ballot;
import org.agora.poll.PollException;
import org.agora.poll.PollService;
import org.agora.poll.TestPolls;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Sanctions on members: decided by staff here, kept and enforced by the account feature, always audited. */
@IntegrationTest
class MemberModerationTest {
    @Autowired MemberModeration members;
    @Autowired AccountStanding standing;
    @Autowired DebateService debates;
    @Autowired PollService polls;
    @Autowired FlagService flags;
    @Autowired TestPolls testPolls;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private record AuditRow(String action, String targetType, long targetId, String reason, String after, String actor) {
    }

    private AuditRow lastAudit(Account member) {
        return jdbc.sql("""
                        select action, target_type, target_id, reason, cast(after as text) as after, actor_name
                          from moderation_audit where target_type = 'ACCOUNT' and target_id = :id
                         order by id desc limit 1
                        """)
                .param("id", member.id().value())
                .query((rs, n) -> new AuditRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .single();
    }

    @Test
    void a_warning_is_audited_and_shown_to_the_member_but_restricts_nothing() {
        var member = testAccounts.member();
        var moderator = testAccounts.moderator();
        testAccounts.signIn(moderator);
        var warning = members.sanction(member.id(), SanctionKind.WARN, "Mind your tone.", null);
        assertThat(warning.endsAt()).isNull();
        assertThat(lastAudit(member)).satisfies(a -> {
            assertThat(a.action()).isEqualTo("WARN");
            assertThat(a.reason()).isEqualTo("Mind your tone.");
            assertThat(a.actor()).isEqualTo(moderator.username());
        });
        testAccounts.signIn(member);
        assertThat(standing.mine()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SanctionKind.WARN);
            assertThat(s.reason()).isEqualTo("Mind your tone.");
        });
        standing.requireCanParticipate();
    }

    @Test
    void a_silenced_member_cannot_post_start_threads_vote_or_flag_and_is_told_why_and_until_when() {
        var written = content.post("Something to flag");
        var poll = testPolls.single("Yes", "No");
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        var silence = members.sanction(member.id(), SanctionKind.SILENCE, "Spamming links.", null);
        assertThat(lastAudit(member).action()).isEqualTo("SILENCE");
        assertThat(lastAudit(member).after()).contains("SILENCE").contains(silence.endsAt().toString());

        testAccounts.signIn(member);
        assertThatThrownBy(() -> debates.post(written.topic().id(), null, Stance.PRO, null, "Buy now", null))
                .isInstanceOfSatisfying(DebateException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("sanction.silenced");
                    assertThat(e.args()).contains("Spamming links.");
                    assertThat((String) e.args()[0]).startsWith(silence.endsAt().toString().substring(0, 10));
                });
        assertThatThrownBy(() -> debates.startTopic("A brand new thread?", 2, List.of(), Stance.PRO, "Body", null))
                .isInstanceOf(DebateException.class).hasMessage("sanction.silenced");
        long option = poll.options().getFirst().id();
        assertThatThrownBy(() -> polls.vote(poll.id(), Ballot.ofOptions(List.of(option))))
                .isInstanceOf(PollException.class).hasMessageContaining("sanction.silenced");
        assertThatThrownBy(() -> flags.flag(Target.post(written.post().id()), FlagReason.SPAM, null))
                .isInstanceOf(ModerationException.class).hasMessage("sanction.silenced");
    }

    @Test
    void a_silence_ends_by_itself_when_its_time_is_up_and_can_be_lifted_early() {
        var written = content.post("A thread to answer");
        var member = testAccounts.member();
        var moderator = testAccounts.moderator();
        testAccounts.signIn(moderator);
        var silence = members.sanction(member.id(), SanctionKind.SILENCE, "Cool down.", null);
        jdbc.sql("update account_sanction set starts_at = :s, ends_at = :e where id = :id")
                .param("s", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(2))))
                .param("e", java.sql.Timestamp.from(Instant.now().minusSeconds(60)))
                .param("id", silence.id()).update();
        testAccounts.signIn(member);
        debates.post(written.topic().id(), null, Stance.PRO, null, "Back again", null);

        testAccounts.signIn(moderator);
        var second = members.sanction(member.id(), SanctionKind.SILENCE, "Again.", null);
        testAccounts.signIn(member);
        assertThatThrownBy(standing::requireCanParticipate).hasMessageContaining("Again.");
        testAccounts.signIn(moderator);
        members.lift(second.id(), "Appeal accepted.");
        assertThat(lastAudit(member)).satisfies(a -> {
            assertThat(a.action()).isEqualTo("LIFT");
            assertThat(a.reason()).isEqualTo("Appeal accepted.");
        });
        testAccounts.signIn(member);
        debates.post(written.topic().id(), null, Stance.PRO, null, "Free to speak", null);
    }

    @Test
    void default_durations_escalate_1_3_7_30_days() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        var lengths = new java.util.ArrayList<Duration>();
        for (int i = 0; i < 5; i++) {
            var s = members.sanction(member.id(), i % 2 == 0 ? SanctionKind.SILENCE : SanctionKind.SUSPEND, "No. " + i, null);
            lengths.add(Duration.between(s.startsAt(), s.endsAt()));
        }
        assertThat(lengths).containsExactly(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
                Duration.ofDays(30), Duration.ofDays(30));
    }

    @Test
    void a_suspension_ends_every_session_of_the_member_and_is_audited() {
        var member = testAccounts.member();
        jdbc.sql("insert into account_session (id, account_id) values (gen_random_uuid(), :a), (gen_random_uuid(), :a)")
                .param("a", member.id().value()).update();
        testAccounts.signIn(testAccounts.moderator());
        members.sanction(member.id(), SanctionKind.SUSPEND, "Threats.", Duration.ofHours(12));
        assertThat(lastAudit(member).action()).isEqualTo("SUSPEND");
        assertThat(jdbc.sql("select count(*) from account_session where account_id = :a and ended_at is null")
                .param("a", member.id().value()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select distinct ended_reason from account_session where account_id = :a")
                .param("a", member.id().value()).query(String.class).list()).containsExactly("suspended");
    }

    @Test
    void a_moderator_cannot_sanction_an_admin_or_another_moderator_nor_ban_or_change_roles() {
        var admin = testAccounts.staff(Role.ADMIN);
        var otherModerator = testAccounts.moderator();
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        assertThatThrownBy(() -> members.sanction(admin.id(), SanctionKind.SILENCE, "Nope.", null))
                .isInstanceOf(ModerationException.class).hasMessage("sanction.outranked");
        assertThatThrownBy(() -> members.sanction(otherModerator.id(), SanctionKind.SUSPEND, "Nope.", null))
                .isInstanceOf(ModerationException.class).hasMessage("sanction.outranked");
        assertThatThrownBy(() -> members.sanction(member.id(), SanctionKind.BAN, "Nope.", null))
                .isInstanceOf(ModerationException.class).hasMessage("sanction.adminOnly");
        assertThatThrownBy(() -> members.changeRole(member.id(), Role.MODERATOR, "Nope."))
                .isInstanceOf(ModerationException.class).hasMessage("sanction.adminOnly");
        assertThat(jdbc.sql("select count(*) from account_sanction where account_id in (:ids)")
                .param("ids", List.of(admin.id().value(), otherModerator.id().value(), member.id().value()))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void an_admin_bans_and_changes_roles_with_an_audit_row_each() {
        var member = testAccounts.member();
        var other = testAccounts.member();
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        var ban = members.sanction(member.id(), SanctionKind.BAN, "Bot account.", null);
        assertThat(ban.endsAt()).isNull();
        assertThat(lastAudit(member).action()).isEqualTo("BAN");
        members.changeRole(other.id(), Role.MODERATOR, "Trusted regular.");
        assertThat(lastAudit(other)).satisfies(a -> {
            assertThat(a.action()).isEqualTo("ROLE_CHANGE");
            assertThat(a.after()).contains("MEMBER").contains("MODERATOR");
        });
        assertThat(jdbc.sql("select role from account where id = :id").param("id", other.id().value())
                .query(String.class).single()).isEqualTo("MODERATOR");
    }

    @Test
    void every_sanction_needs_a_reason() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        assertThatThrownBy(() -> members.sanction(member.id(), SanctionKind.SILENCE, "  ", null))
                .isInstanceOf(ModerationException.class).hasMessage("sanction.reasonRequired");
    }

    @Test
    void members_and_staff_without_two_factors_cannot_sanction() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> members.sanction(member.id(), SanctionKind.WARN, "Hi.", null))
                .isInstanceOf(AuthorizationDeniedException.class);
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR));
        assertThatThrownBy(() -> members.sanction(member.id(), SanctionKind.WARN, "Hi.", null))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void a_member_appeals_once_and_the_appeal_reaches_staff() {
        var member = testAccounts.member();
        testAccounts.signIn(testAccounts.moderator());
        var silence = members.sanction(member.id(), SanctionKind.SILENCE, "Off-topic again.", null);
        testAccounts.signIn(member);
        standing.appeal(silence.id(), "It was on topic, see the thread title.");
        assertThatThrownBy(() -> standing.appeal(silence.id(), "Again"))
                .isInstanceOf(org.agora.account.AccountException.class).hasMessage("sanction.appealNotPossible");
        testAccounts.signIn(testAccounts.moderator());
        assertThat(members.openAppeals()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(silence.id());
            assertThat(s.appeal()).isEqualTo("It was on topic, see the thread title.");
        });
    }
}
