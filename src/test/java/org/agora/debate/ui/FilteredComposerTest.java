package org.agora.debate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.moderation.ModerationSettings;
import org.agora.moderation.WatchedWord;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A post refused by the admins' filters says why on the text field and keeps everything the member typed. */
@IntegrationTest
class FilteredComposerTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @Autowired DebateCatalog catalog;
    @Autowired ModerationSettings settings;

    @AfterEach
    void clean() {
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        settings.watchedWords().forEach(w -> settings.unwatchWord(w.id()));
        TestAccounts.signOut();
    }

    @Test
    void a_post_with_a_blocked_word_is_refused_with_the_word_named_and_the_text_kept() {
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        settings.watchWord("wombatcoin", WatchedWord.Action.BLOCK, null);
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("Composer filter " + UUID.randomUUID() + "?", 1, List.of(), Stance.NEUTRAL,
                "Opening", null);
        testAccounts.signIn(testAccounts.member());
        UI.getCurrent().navigate(TopicView.class, new RouteParameters(Map.of("id", String.valueOf(topic.id()))));
        var composer = $(Composer.class).single();
        test(composer.stance).selectItem("Pro — yes, for");
        test(composer.body).setValue("Everyone should buy WOMBATCOIN today");
        test(composer.submit).click();
        assertThat(composer.body.isInvalid()).isTrue();
        assertThat(composer.body.getErrorMessage()).contains("\u201cwombatcoin\u201d is not allowed here");
        assertThat(composer.body.getValue()).isEqualTo("Everyone should buy WOMBATCOIN today");
        assertThat(catalog.find(topic.id()).orElseThrow().replies()).isZero();
    }
}
