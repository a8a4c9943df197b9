package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.agora.account.AccountException;
import org.agora.account.AccountService;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateException;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.poll.PollAuthoring;
import org.agora.poll.PollDraft;
import org.agora.poll.PollException;
import org.agora.poll.PollService;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Admins' watched words (block, require review, replace) and blocked link domains, applied to posts, edits,
 * thread titles, poll questions and answers, and usernames; every settings change is audited.
 */
@IntegrationTest
class ContentFiltersTest {
    @Autowired ModerationSettings settings;
    @Autowired ModerationContentFilter filter;
    @Autowired DebateService debates;
    @Autowired DebateCatalog catalog;
    @Autowired PollAuthoring authoring;
    @Autowired PollService pollService;
    @Autowired AccountService accountService;
    @Autowired ReviewQueue queue;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired JdbcClient jdbc;

    long topicId;

    @BeforeEach
    void aThread() {
        topicId = content.post("A first reply").topic().id();
    }

    @AfterEach
    void noFilters() {
        jdbc.sql("delete from moderation_watched_word").update();
        jdbc.sql("delete from moderation_blocked_domain").update();
        jdbc.sql("delete from moderation_setting").update();
        filter.changed();
        TestAccounts.signOut();
    }

    private void asAdmin(Runnable change) {
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        change.run();
        TestAccounts.signOut();
    }

    private void watch(String word, WatchedWord.Action action, String replacement) {
        asAdmin(() -> settings.watchWord(word, action, replacement));
    }

    private void asMember() {
        testAccounts.signIn(testAccounts.member());
    }

    private DebateException refusedPost(String body) {
        asMember();
        try {
            debates.post(topicId, null, Stance.PRO, null, body, null);
        } catch (DebateException e) {
            return e;
        }
        throw new AssertionError("the post was accepted: " + body);
    }

    @Test
    void a_blocked_word_refuses_the_post_and_names_the_word() {
        watch("wombatcoin", WatchedWord.Action.BLOCK, null);
        var refused = refusedPost("Buy WombatCoin now!");
        assertThat(refused.field()).isEqualTo("body");
        assertThat(refused.messageKey()).isEqualTo("filter.blockedWord");
        assertThat(refused.args()).containsExactly("wombatcoin");
    }

    @Test
    void case_compatibility_forms_and_zero_width_characters_do_not_hide_a_blocked_word() {
        watch("wombatcoin", WatchedWord.Action.BLOCK, null);
        assertThat(refusedPost("WOMBATCOIN to the moon").messageKey()).isEqualTo("filter.blockedWord");
        assertThat(refusedPost("ｗｏｍｂａｔｃｏｉｎ (full width)").messageKey()).isEqualTo("filter.blockedWord");
        assertThat(refusedPost("wom\u200Bbat\u200Dcoin with zero-width joiners").messageKey())
                .isEqualTo("filter.blockedWord");
        assertThat(refusedPost("wom\u00ADbatcoin with a soft hyphen").messageKey()).isEqualTo("filter.blockedWord");
    }

    @Test
    void words_match_on_word_boundaries_and_phrases_across_any_white_space() {
        watch("ass", WatchedWord.Action.BLOCK, null);
        watch("buy now", WatchedWord.Action.BLOCK, null);
        asMember();
        var post = debates.post(topicId, null, Stance.PRO, null, "A classic assessment of the class.", null);
        assertThat(post.body()).isEqualTo("A classic assessment of the class.");
        assertThat(refusedPost("What an ass.").messageKey()).isEqualTo("filter.blockedWord");
        assertThat(refusedPost("BUY \n  NOW please").args()).containsExactly("buy now");
        asMember();
        debates.post(topicId, null, Stance.PRO, null, "buyer nowhere", null);
    }

    @Test
    void unicode_words_ignore_case_in_any_script() {
        watch("Übermensch", WatchedWord.Action.BLOCK, null);
        assertThat(refusedPost("der ÜBERMENSCH kommt").messageKey()).isEqualTo("filter.blockedWord");
        // a decomposed Ü (U+0055 U+0308) is the same word after NFKC
        assertThat(refusedPost("der U\u0308bermensch kommt").messageKey()).isEqualTo("filter.blockedWord");
    }

    @Test
    void a_replaced_word_is_written_as_its_replacement() {
        watch("doomer", WatchedWord.Action.REPLACE, "pessimist");
        asMember();
        var post = debates.post(topicId, null, Stance.CON, null, "Only a DOOMER would say so, doomer.", null);
        assertThat(post.body()).isEqualTo("Only a pessimist would say so, pessimist.");
    }

    @Test
    void a_word_requiring_review_accepts_the_post_hidden_and_puts_it_in_the_queue() {
        watch("paperclip", WatchedWord.Action.REVIEW, null);
        asMember();
        var post = debates.post(topicId, null, Stance.PRO, null, "Think of the paperclips? No: the PAPERCLIP.", null);
        assertThat(catalog.post(post.id()).orElseThrow().hidden()).isTrue();
        testAccounts.signIn(testAccounts.moderator());
        var item = queue.find(Target.post(post.id())).orElseThrow();
        assertThat(item.heldReason()).contains("paperclip");
        assertThat(item.autoHiddenAt()).isNotNull();
        assertThat(queue.open(QueueFilter.ALL)).extracting(QueueItem::id).contains(item.id());
        assertThat(jdbc.sql("""
                        select count(*) from moderation_audit
                         where action = 'AUTO_HIDE' and target_type = 'POST' and target_id = :id and actor_id is null
                        """).param("id", post.id()).query(Long.class).single()).isOne();
        // a moderator's dismissal shows it again
        queue.dismiss(item.id(), FlagReason.OTHER, "Harmless mention");
        assertThat(catalog.post(post.id()).orElseThrow().hidden()).isFalse();
    }

    @Test
    void an_edit_is_filtered_like_a_new_post() {
        var author = testAccounts.member();
        testAccounts.signIn(author);
        var post = debates.post(topicId, null, Stance.PRO, null, "Clean text", null);
        watch("wombatcoin", WatchedWord.Action.BLOCK, null);
        watch("paperclip", WatchedWord.Action.REVIEW, null);
        testAccounts.signIn(author);
        assertThatThrownBy(() -> debates.edit(post.id(), post.version(), "Now with wombatcoin"))
                .isInstanceOf(DebateException.class).hasMessage("filter.blockedWord");
        debates.edit(post.id(), post.version(), "Now about a paperclip");
        assertThat(catalog.post(post.id()).orElseThrow().hidden()).isTrue();
    }

    @Test
    void a_blocked_domain_refuses_links_to_it_and_its_subdomains_only() {
        asAdmin(() -> assertThat(settings.blockDomain("https://Spam.example/landing")).isEqualTo("spam.example"));
        var refused = refusedPost("See https://spam.example/offer");
        assertThat(refused.messageKey()).isEqualTo("filter.blockedDomain");
        assertThat(refused.args()).containsExactly("spam.example");
        assertThat(refusedPost("See [here](http://WWW.Deals.SPAM.example:8080/x)").messageKey())
                .isEqualTo("filter.blockedDomain");
        assertThat(refusedPost("See www.spam.example").messageKey()).isEqualTo("filter.blockedDomain");
        assertThat(refusedPost("See https://ｓｐａｍ．ｅｘａｍｐｌｅ/x (full width)").messageKey())
                .isEqualTo("filter.blockedDomain");
        asMember();
        debates.post(topicId, null, Stance.PRO, null, "See https://notspam.example and https://spam.example.org", null);
    }

    @Test
    void thread_titles_are_filtered_and_a_title_requiring_review_holds_the_thread() {
        watch("wombatcoin", WatchedWord.Action.BLOCK, null);
        watch("paperclip", WatchedWord.Action.REVIEW, null);
        asMember();
        assertThatThrownBy(() -> debates.startTopic("Is Wombatcoin the future?", 2, List.of(), Stance.PRO,
                "Opening", null)).isInstanceOf(DebateException.class)
                .satisfies(e -> assertThat(((DebateException) e).field()).isEqualTo("title"));
        var held = debates.startTopic("Will a paperclip maximiser win " + UUID.randomUUID() + "?", 2, List.of(),
                Stance.PRO, "Opening", null);
        assertThat(catalog.find(held.id()).map(t -> t.hidden()).orElse(true)).isTrue();
        testAccounts.signIn(testAccounts.moderator());
        assertThat(queue.find(Target.topic(held.id())).orElseThrow().heldReason()).contains("paperclip");
    }

    @Test
    void poll_questions_and_answers_are_filtered_and_an_answer_requiring_review_is_hidden() {
        watch("wombatcoin", WatchedWord.Action.BLOCK, null);
        watch("paperclip", WatchedWord.Action.REVIEW, null);
        watch("doomer", WatchedWord.Action.REPLACE, "pessimist");
        asMember();
        assertThatThrownBy(() -> authoring.create(PollDraft.single("Which coin?", List.of("Bitcoin", "WombatCoin")),
                true)).isInstanceOf(PollException.class)
                .satisfies(e -> assertThat(((PollException) e).problems()).extracting(PollException.Problem::field)
                        .containsExactly("option.1"));
        assertThatThrownBy(() -> authoring.create(PollDraft.single("Any paperclip risk?", List.of("Yes", "No")),
                true)).isInstanceOf(PollException.class)
                .satisfies(e -> assertThat(((PollException) e).problems()).extracting(PollException.Problem::field)
                        .containsExactly("question"));
        long pollId = authoring.create(PollDraft.single("Who is right here?",
                List.of("The doomer", "The paperclip fan", "Nobody")), true);
        var options = jdbc.sql("select label, hidden_at is not null as hidden from poll_option where poll_id = :p order by position")
                .param("p", pollId).query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2)).list();
        assertThat(options).containsExactly("The pessimist:false", "The paperclip fan:true", "Nobody:false");
    }

    @Test
    void a_username_with_any_watched_word_is_refused_at_registration() {
        watch("wombat", WatchedWord.Action.REPLACE, "animal");
        String password = "Quartz-harbor-" + UUID.randomUUID();
        String name = "Big_" + (System.nanoTime() % 100000);
        accountService.register(name, name + "@example.org", password, Locale.ENGLISH, "10.9.0.1");
        assertThatThrownBy(() -> accountService.register("WOMBAT_" + (System.nanoTime() % 100000), "w"
                + System.nanoTime() + "@example.org", password, Locale.ENGLISH, "10.9.0.2"))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> {
                    assertThat(((AccountException) e).field()).isEqualTo("username");
                    assertThat(((AccountException) e).messageKey()).isEqualTo("filter.usernameWord");
                });
    }

    @Test
    void every_settings_change_is_audited_with_before_and_after() {
        var admin = testAccounts.staff(Role.ADMIN);
        testAccounts.signIn(admin);
        var word = settings.watchWord("wombatcoin", WatchedWord.Action.BLOCK, null);
        settings.watchWord("WombatCoin", WatchedWord.Action.REPLACE, "coin");
        settings.unwatchWord(word.id());
        settings.blockDomain("spam.example");
        settings.unblockDomain("spam.example");
        settings.setNewAccountLimits(48, 5, 1);
        settings.setAutoHideFlags(4);
        var rows = jdbc.sql("""
                        select reason, coalesce(cast(before as text), '-') || ' -> ' || coalesce(cast(after as text), '-')
                          from moderation_audit where action = 'SETTINGS' and actor_id = :me and outcome = 'OK'
                         order by id
                        """).param("me", admin.id().value())
                .query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).list();
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0)).startsWith("watched word: - -> ").contains("\"BLOCK\"");
        assertThat(rows.get(1)).contains("\"BLOCK\"").contains("\"REPLACE\"").contains("\"coin\"");
        assertThat(rows.get(2)).startsWith("watched word removed: ").endsWith("-> -");
        assertThat(rows.get(3)).contains("spam.example");
        assertThat(rows.get(5)).contains("\"hours\": 24").contains("\"hours\": 48");
        assertThat(rows.get(6)).contains("\"autoHideFlags\": 3").contains("\"autoHideFlags\": 4");
    }

    @Test
    void members_and_moderators_cannot_change_filters() {
        for (var who : List.of(testAccounts.member(), testAccounts.moderator())) {
            testAccounts.signIn(who);
            assertThatThrownBy(() -> settings.watchWord("x", WatchedWord.Action.BLOCK, null))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> settings.unwatchWord(1)).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> settings.blockDomain("spam.example"))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> settings.unblockDomain("spam.example"))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> settings.setNewAccountLimits(1, 1, 1))
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        assertThat(jdbc.sql("select count(*) from moderation_watched_word").query(Long.class).single()).isZero();
    }

    @Test
    void a_replacement_may_not_contain_its_own_word_and_domains_must_look_like_domains() {
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        assertThatThrownBy(() -> settings.watchWord("coin", WatchedWord.Action.REPLACE, "Coin!"))
                .isInstanceOf(ModerationException.class).hasMessage("settings.replacementWatched");
        assertThatThrownBy(() -> settings.watchWord(" \u200B ", WatchedWord.Action.BLOCK, null))
                .isInstanceOf(ModerationException.class).hasMessage("settings.wordLength");
        assertThatThrownBy(() -> settings.blockDomain("not a domain"))
                .isInstanceOf(ModerationException.class).hasMessage("settings.domainInvalid");
        assertThat(settings.blockDomain("*.Example.ORG")).isEqualTo("example.org");
    }
}
