package org.agora.moderation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.moderation.ModerationSettings;
import org.agora.moderation.WatchedWord;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ModerationSettingsViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired ModerationSettings settings;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void clean() {
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        settings.watchedWords().forEach(w -> settings.unwatchWord(w.id()));
        settings.blockedDomains().forEach(settings::unblockDomain);
        settings.setNewAccountLimits(null, null, null);
        TestAccounts.signOut();
    }

    private ModerationSettingsView open() {
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        UI.getCurrent().navigate(ModerationSettingsView.class);
        return (ModerationSettingsView) getCurrentView();
    }

    @Test
    void an_admin_adds_a_replaced_word_and_a_blocked_domain() {
        var view = open();
        test(view.word).setValue("doomer");
        test(view.action).selectItem(view.getTranslation("settings.action.REPLACE"));
        assertThat(view.replacement.isVisible()).isTrue();
        test(view.replacement).setValue("pessimist");
        test(view.addWord).click();
        assertThat(view.word.isInvalid()).isFalse();
        assertThat(test(view.words).size()).isEqualTo(1);
        assertThat(settings.watchedWords()).extracting(WatchedWord::replacement).containsExactly("pessimist");

        test(view.domain).setValue("not a domain");
        test(view.addDomain).click();
        assertThat(view.domain.isInvalid()).isTrue();
        test(view.domain).setValue("https://spam.example/x");
        test(view.addDomain).click();
        assertThat(settings.blockedDomains()).containsExactly("spam.example");
    }

    @Test
    void an_admin_changes_the_new_account_limits() {
        var view = open();
        test(view.newAccountLinks).setValue(4);
        test(view.saveLimits).click();
        assertThat(settings.newAccountLimits().links()).isEqualTo(4);
    }
}
