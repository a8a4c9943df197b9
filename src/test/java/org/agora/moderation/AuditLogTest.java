package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The audit log: insert-only in the schema, searchable by staff, exported safely, public only in outline. */
@IntegrationTest
class AuditLogTest {
    @Autowired ModerationLog log;
    @Autowired Transparency transparency;
    @Autowired ReviewQueue queue;
    @Autowired FlagService flags;
    @Autowired ModerationStats stats;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private long hiddenItem(String reason) {
        var written = content.post("To be hidden");
        testAccounts.signIn(testAccounts.member());
        flags.flag(Target.post(written.post().id()), FlagReason.HARASSMENT, null);
        var moderator = content.moderator();
        testAccounts.signIn(moderator);
        long item = queue.find(Target.post(written.post().id())).orElseThrow().id();
        queue.hide(item, FlagReason.HARASSMENT, reason);
        return written.post().id();
    }

    @Test
    void the_audit_table_refuses_updates_deletes_and_truncation_even_from_the_app() {
        hiddenItem("Insults.");
        long id = jdbc.sql("select max(id) from moderation_audit").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update moderation_audit set reason = 'rewritten' where id = :id")
                .param("id", id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("delete from moderation_audit where id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("insert-only");
        assertThatThrownBy(() -> jdbc.sql("truncate moderation_audit").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("insert-only");
        assertThat(jdbc.sql("select reason from moderation_audit where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Insults.");
    }

    @Test
    void staff_search_the_log_newest_first_by_actor_action_target_and_words() {
        String word = "platypus" + System.nanoTime();
        long postId = hiddenItem("Repeated insults, " + word + ".");
        var byWord = log.search(new ModerationLog.Filter(null, null, null, null, word.toUpperCase(), null), null);
        assertThat(byWord.entries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(ModerationAction.HIDE);
            assertThat(e.targetId()).isEqualTo(postId);
        });
        var byTarget = log.search(new ModerationLog.Filter(null, null, TargetType.POST, postId, null, null), null);
        assertThat(byTarget.entries()).extracting(AuditEntry::action).containsExactly(ModerationAction.HIDE);
        String me = byWord.entries().getFirst().actorName();
        var byActor = log.search(new ModerationLog.Filter(me, ModerationAction.HIDE, null, null, null, "OK"), null);
        assertThat(byActor.entries()).hasSize(1);
        var all = log.search(ModerationLog.Filter.ALL, null);
        assertThat(all.entries()).isSortedAccordingTo((a, b) -> b.at().compareTo(a.at()));
    }

    @Test
    void the_log_pages_by_keyset_without_repeats() {
        for (int i = 0; i < 3; i++) {
            hiddenItem("Paging " + i);
        }
        var seen = new java.util.HashSet<Long>();
        ModerationLog.Cursor cursor = null;
        int pages = 0;
        do {
            var page = log.search(ModerationLog.Filter.ALL, cursor);
            page.entries().forEach(e -> assertThat(seen.add(e.id())).as("entry " + e.id() + " once").isTrue());
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 1_000);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void the_csv_export_neutralises_formulas() {
        hiddenItem("=HYPERLINK(\"http://evil.example\", \"click\")");
        String csv = log.csv(new ModerationLog.Filter(null, null, null, null, "evil.example", null));
        assertThat(csv).startsWith("id,at,actor,action,").contains(",\"'=HYPERLINK(").doesNotContain(",=HYPERLINK");
    }

    @Test
    void the_transparency_report_shows_kinds_categories_and_dates_but_no_names_or_words() {
        String words = "secretreason" + System.nanoTime();
        hiddenItem(words);
        TestAccounts.signOut();
        var page = transparency.actions(null);
        assertThat(page.actions()).isNotEmpty();
        assertThat(page.actions()).allSatisfy(a -> assertThat(ModerationAction.PUBLIC).contains(a.action()));
        assertThat(transparency.monthly()).anySatisfy(m -> {
            assertThat(m.action()).isEqualTo(ModerationAction.HIDE);
            assertThat(m.reasonCategory()).isEqualTo(FlagReason.HARASSMENT);
            assertThat(m.count()).isPositive();
        });
        String csv = transparency.actionsCsv() + transparency.monthlyCsv();
        assertThat(csv).contains("HIDE,HARASSMENT,POST").doesNotContain(words).doesNotContain("mod_");
    }

    @Test
    void the_dashboard_counts_open_flags_and_recent_actions() {
        hiddenItem("Dashboard");
        var dashboard = stats.dashboard();
        assertThat(dashboard.perDay()).hasSize(ModerationStats.DAYS);
        assertThat(dashboard.perDay().values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(dashboard.recent()).isNotEmpty();
        assertThat(dashboard.pendingFlags()).isNotNegative();
    }

    @Test
    void members_cannot_read_the_log_or_the_dashboard() {
        testAccounts.signIn(testAccounts.member());
        assertThatThrownBy(() -> log.search(ModerationLog.Filter.ALL, null))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> log.csv(ModerationLog.Filter.ALL)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> stats.dashboard()).isInstanceOf(AuthorizationDeniedException.class);
    }
}
