package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.agora.account.TestAccounts;
import org.agora.poll.Ballot;
import org.agora.poll.PollAuthoring;
import org.agora.poll.PollDraft;
import org.agora.poll.PollException;
import org.agora.poll.PollModeration;
import org.agora.poll.PollService;
import org.agora.poll.PollStatus;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Staff close, reopen and remove polls from the console; each is audited, members are refused. */
@IntegrationTest
class PollConsoleActionsTest {
    @Autowired PollModeration pollModeration;
    @Autowired PollAuthoring authoring;
    @Autowired PollService polls;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;

    long pollId;

    @BeforeEach
    void aPoll() {
        testAccounts.signIn(testAccounts.member());
        pollId = authoring.create(PollDraft.single("Will the console close me?", List.of("Yes", "No")), true);
        testAccounts.signIn(testAccounts.moderator());
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private List<String> audit() {
        return jdbc.sql("""
                        select action || ' ' || reason || coalesce(' ' || cast(after as text), '') from moderation_audit
                         where target_type = 'POLL' and target_id = :id and outcome = 'OK' order by id
                        """).param("id", pollId).query(String.class).list();
    }

    @Test
    void a_moderator_closes_and_reopens_a_poll_and_both_are_audited() {
        pollModeration.closePoll(pollId, "Brigaded overnight");
        assertThat(polls.find(pollId).orElseThrow().status()).isEqualTo(PollStatus.CLOSED);
        Instant until = Instant.now().plus(Duration.ofDays(3));
        pollModeration.reopenPoll(pollId, until, "Cleaned up");
        assertThat(polls.find(pollId).orElseThrow().acceptsBallotsAt(Instant.now())).isTrue();
        assertThat(audit()).containsExactly("CLOSE_POLL Brigaded overnight",
                "REOPEN_POLL Cleaned up {\"closesAt\": \"" + until + "\"}");
    }

    @Test
    void a_removed_poll_is_gone_for_everyone_and_takes_no_ballots() {
        pollModeration.deletePoll(pollId, "Spam poll");
        assertThat(polls.find(pollId)).isEmpty();
        assertThat(polls.latest(100)).noneMatch(p -> p.id() == pollId);
        assertThat(audit()).containsExactly("DELETE_POLL Spam poll");
        assertThat(jdbc.sql("select status from poll where id = :id").param("id", pollId).query(String.class).single())
                .isEqualTo("CLOSED");
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> polls.vote(pollId, Ballot.ofOptions(List.of(1L)))).isInstanceOf(PollException.class);
        testAccounts.signIn(testAccounts.moderator());
        assertThatThrownBy(() -> pollModeration.deletePoll(pollId, "Again")).isInstanceOf(PollException.class);
    }

    @Test
    void a_reason_is_required() {
        assertThatThrownBy(() -> pollModeration.closePoll(pollId, " ")).isInstanceOf(PollException.class)
                .hasMessage("moderation.reasonRequired");
        assertThat(polls.find(pollId).orElseThrow().status()).isEqualTo(PollStatus.OPEN);
    }

    @Test
    void members_and_staff_without_two_factor_are_refused_and_the_attempt_is_audited() {
        var member = testAccounts.member();
        testAccounts.signIn(member);
        assertThatThrownBy(() -> pollModeration.closePoll(pollId, "x")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> pollModeration.reopenPoll(pollId, null, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> pollModeration.deletePoll(pollId, "x")).isInstanceOf(AuthorizationDeniedException.class);
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), org.agora.account.Role.MODERATOR));
        assertThatThrownBy(() -> pollModeration.deletePoll(pollId, "x")).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(polls.find(pollId)).isPresent();
        assertThat(jdbc.sql("""
                        select count(*) from moderation_audit
                         where target_type = 'POLL' and target_id = :id and outcome = 'DENIED' and actor_id = :me
                        """).param("id", pollId).param("me", member.id().value()).query(Long.class).single())
                .isEqualTo(3);
    }
}
