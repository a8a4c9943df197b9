package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.agora.account.Account;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateException;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.shared.filter.ContentFilter.NewAccountLimits;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** New accounts (young, or with few approved posts) post with fewer links; admins set the limits. */
@IntegrationTest
class NewAccountLimitsTest {
    private static final String THREE_LINKS = "Sources: https://a.example, https://b.example and www.c.example";

    @Autowired ModerationSettings settings;
    @Autowired ModerationContentFilter filter;
    @Autowired DebateService debates;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @AfterEach
    void defaults() {
        jdbc.sql("delete from moderation_setting").update();
        filter.changed();
        TestAccounts.signOut();
    }

    @Test
    void an_account_is_new_while_young_or_with_too_few_approved_posts() {
        var now = Instant.parse("2026-06-01T12:00:00Z");
        var fixed = Clock.fixed(now, ZoneOffset.UTC);
        var limits = NewAccountLimits.DEFAULT;
        assertThat(limits.isNew(fixed.instant().minus(Duration.ofHours(23)), upTo -> 10, fixed.instant())).isTrue();
        assertThat(limits.isNew(fixed.instant().minus(Duration.ofHours(25)), upTo -> 2, fixed.instant())).isTrue();
        assertThat(limits.isNew(fixed.instant().minus(Duration.ofHours(25)), upTo -> 3, fixed.instant())).isFalse();
        var relaxed = new NewAccountLimits(0, 0, 2);
        assertThat(relaxed.isNew(fixed.instant(), upTo -> {
            throw new AssertionError("no need to count posts");
        }, fixed.instant().plusSeconds(1))).isFalse();
    }

    @Test
    void a_new_account_may_put_at_most_two_links_in_a_post_by_default() {
        long topic = content.post("Reply").topic().id();
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> debates.post(topic, null, Stance.PRO, null, THREE_LINKS, null))
                .isInstanceOf(DebateException.class)
                .satisfies(e -> {
                    assertThat(((DebateException) e).messageKey()).isEqualTo("post.tooManyLinks");
                    assertThat(((DebateException) e).args()).containsExactly(2, 3);
                    assertThat(((DebateException) e).field()).isEqualTo("body");
                });
        debates.post(topic, null, Stance.PRO, null, "Two: https://a.example and https://b.example", null);
    }

    @Test
    void an_established_account_is_not_limited() {
        long topic = content.post("Reply").topic().id();
        Account member = testAccounts.member();
        testAccounts.signIn(member);
        for (int i = 0; i < 3; i++) {
            debates.post(topic, null, Stance.PRO, null, "Approved post " + i, null);
        }
        // still younger than a day (by the injected clock): new
        assertThatThrownBy(() -> debates.post(topic, null, Stance.PRO, null, THREE_LINKS, null))
                .isInstanceOf(DebateException.class).hasMessage("post.tooManyLinks");
        jdbc.sql("update account set created_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofHours(25))))
                .param("id", member.id().value()).update();
        debates.post(topic, null, Stance.PRO, null, THREE_LINKS, null);
    }

    @Test
    void admins_set_the_limits_and_the_change_applies_at_once() {
        long topic = content.post("Reply").topic().id();
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        settings.setNewAccountLimits(1, 0, 5);
        assertThat(settings.newAccountLimits()).isEqualTo(new NewAccountLimits(1, 0, 5));
        testAccounts.signIn(testAccounts.member());
        debates.post(topic, null, Stance.PRO, null, THREE_LINKS, null);
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        settings.setNewAccountLimits(null, null, 0);
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> debates.post(topic, null, Stance.PRO, null, "One https://a.example", null))
                .isInstanceOf(DebateException.class).hasMessage("post.tooManyLinks");
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        assertThatThrownBy(() -> settings.setNewAccountLimits(-1, 3, 2))
                .isInstanceOf(ModerationException.class).hasMessage("settings.limitRange");
    }
}
