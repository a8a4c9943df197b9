package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.agora.account.TestAccounts;
import org.agora.account.TwoFactorRequired;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Embed settings are the poll author's or a moderator's to change; readers' ballots count apart and once. */
@IntegrationTest
class PollEmbeddingTest {
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired PollEmbedding embedding;
    @Autowired PollAuthoring authoring;
    @Autowired PollService polls;
    @Autowired TestAccounts testAccounts;
    @Autowired TestPolls testPolls;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private long authorsPoll() {
        testAccounts.signIn(testAccounts.member());
        return authoring.create(PollDraft.single("Will embeds spread the debate?", List.of("Yes", "No")), true);
    }

    @Test
    void embedding_is_off_until_the_author_turns_it_on_with_origins() {
        long id = authorsPoll();
        assertThat(embedding.settings(id).embeddable()).isFalse();
        assertThat(embedding.settings(id).frameAncestors()).isEqualTo("'none'");
        var saved = embedding.update(id, true, false, "https://Example.org/\n http://localhost:8080, https://example.org", true, false);
        assertThat(saved.origins()).containsExactly("https://example.org", "http://localhost:8080");
        assertThat(embedding.settings(id).allows("https://example.org")).isTrue();
        assertThat(embedding.settings(id).allows("https://other.example")).isFalse();
        assertThat(embedding.settings(id).frameAncestors()).isEqualTo("https://example.org http://localhost:8080");
    }

    @Test
    void bad_origins_and_an_empty_list_are_refused_with_a_clear_reason() {
        long id = authorsPoll();
        for (String bad : List.of("example.org", "https://example.org/path", "ftp://example.org", "https://*.example.org",
                "https://user@example.org", "javascript:alert(1)")) {
            assertThatThrownBy(() -> embedding.update(id, true, false, bad, false, false)).as(bad)
                    .isInstanceOf(PollException.class).hasMessage("embed.originInvalid");
        }
        assertThatThrownBy(() -> embedding.update(id, true, false, " ", false, false))
                .isInstanceOf(PollException.class).hasMessage("embed.originsRequired");
        assertThat(embedding.update(id, true, true, "", false, false).frameAncestors()).isEqualTo("*");
    }

    @Test
    void another_member_cannot_change_the_settings_and_a_moderator_needs_two_factors() {
        long id = authorsPoll();
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> embedding.update(id, true, true, "", true, false))
                .isInstanceOf(PollException.class).hasMessage("poll.notYours");
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), org.agora.account.Role.MODERATOR));
        assertThatThrownBy(() -> embedding.update(id, true, true, "", true, false)).isInstanceOf(TwoFactorRequired.class);
        assertThat(embedding.settings(id).enabled()).isFalse();
        // with two factors, a moderator may (a moderator action on someone else's poll)
        testAccounts.signIn(testAccounts.moderator());
        assertThat(embedding.update(id, true, true, "", true, false).embeddable()).isTrue();
        // and it is audited like every staff action; refused attempts changed nothing to audit
        assertThat(jdbc.sql("""
                        select count(*) from moderation_audit
                         where action = 'SETTINGS' and target_type = 'POLL' and target_id = :id and outcome = 'OK'
                        """).param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_reader_ballot_counts_once_apart_from_members_and_only_where_allowed() {
        Poll poll = testPolls.single("A", "B");
        UUID reader = UUID.randomUUID();
        Ballot a = Ballot.ofOptions(List.of(poll.options().getFirst().id()));
        assertThatThrownBy(() -> embedding.castReaderBallot(poll.id(), reader, a)).hasMessage("embed.anonymousOff");
        testPolls.embed(poll.id(), true, List.of(), true, false);
        assertThat(embedding.castReaderBallot(poll.id(), reader, a)).isTrue();
        assertThat(embedding.castReaderBallot(poll.id(), reader, Ballot.ofOptions(List.of(poll.options().get(1).id())))).isFalse();
        assertThatThrownBy(() -> embedding.castReaderBallot(poll.id(), UUID.randomUUID(), Ballot.ofOptions(List.of(-5L))))
                .hasMessage("ballot.unknownOption");
        assertThat(embedding.readerTally(poll.id()).voters()).isEqualTo(1);
        assertThat(embedding.readerTally(poll.id()).count(poll.options().getFirst().id())).isEqualTo(1);
        assertThat(polls.results(poll.id()).orElseThrow().voters()).isZero();
        assertThat(embedding.reconcile(poll.id())).isTrue();
        assertThat(polls.reconcile(poll.id())).isTrue();
    }
}
