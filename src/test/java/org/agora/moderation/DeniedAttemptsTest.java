package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.agora.account.SanctionKind;
import org.agora.account.TestAccounts;
import org.agora.debate.ThreadControls;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Refused attempts at sanctions, thread controls and settings are audited as DENIED, naming the action. */
@IntegrationTest
class DeniedAttemptsTest {
    @Autowired MemberModeration members;
    @Autowired ThreadControls threadControls;
    @Autowired ModerationSettings settings;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_members_attempts_at_staff_actions_are_audited_as_denied() {
        long topicId = content.post("Reply").topic().id();
        var target = testAccounts.member();
        var member = testAccounts.member();
        testAccounts.signIn(member);
        assertThatThrownBy(() -> members.sanction(target.id(), SanctionKind.SUSPEND, "x", Duration.ofDays(1)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> threadControls.setLocked(topicId, true, "x"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> threadControls.move(topicId, 1, "x")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> settings.blockDomain("spam.example")).isInstanceOf(AuthorizationDeniedException.class);
        var rows = jdbc.sql("""
                        select action || ' ' || coalesce(target_type, '-') || ' ' || coalesce(cast(target_id as text), '-')
                          from moderation_audit where actor_id = :me and outcome = 'DENIED' order by id
                        """).param("me", member.id().value()).query(String.class).list();
        assertThat(rows).isEqualTo(List.of("SUSPEND ACCOUNT " + target.id().value(), "LOCK TOPIC " + topicId,
                "MOVE TOPIC " + topicId, "SETTINGS - -"));
    }
}
