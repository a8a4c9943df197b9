package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;

@IntegrationTest
class PollModerationTest {
    @Autowired PollModeration moderation;
    @Autowired PollService polls;
    @Autowired TestPolls testPolls;
    @Autowired TestAccounts testAccounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_hidden_answer_reads_hidden_by_moderators_for_everyone_and_keeps_its_place() {
        var poll = testPolls.create(PollKind.SINGLE, "OPEN", "ALWAYS", 1, 1, List.of("Fine answer", "Slur answer"));
        long slur = poll.options().get(1).id();
        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), Role.MODERATOR));
        assertThat(moderation.hideOption(slur, "Harassment.")).isTrue();
        assertThat(moderation.hideOption(slur, "Again.")).isFalse();
        assertThat(moderation.describeOption(slur).orElseThrow().label()).isEqualTo("Slur answer");

        var seen = polls.find(poll.id()).orElseThrow().options().get(1);
        assertThat(seen.hidden()).isTrue();
        assertThat(seen.label()).isEqualTo(PollOption.HIDDEN_LABEL);
        TestAccounts.signOut();
        assertThat(polls.find(poll.id()).orElseThrow().options()).extracting(PollOption::label)
                .containsExactly("Fine answer", "Hidden by moderators");

        testAccounts.signIn(testAccounts.create(TestAccounts.uniqueName("mod"), Role.ADMIN));
        assertThat(moderation.restoreOption(slur)).isTrue();
        assertThat(polls.find(poll.id()).orElseThrow().options().get(1).label()).isEqualTo("Slur answer");
    }

    @Test
    void members_cannot_hide_answers() {
        var poll = testPolls.create(PollKind.SINGLE, "OPEN", "ALWAYS", 1, 1, List.of("A", "B"));
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> moderation.hideOption(poll.options().getFirst().id(), "no"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> moderation.describeOption(poll.options().getFirst().id()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(moderation.owner(poll.options().getFirst().id()).orElseThrow().pollId()).isEqualTo(poll.id());
    }
}
