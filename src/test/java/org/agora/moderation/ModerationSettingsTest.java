package org.agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateCatalog;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Admins change the auto-hide threshold at runtime; flagging follows it at once. */
@IntegrationTest
class ModerationSettingsTest {
    @Autowired ModerationSettings settings;
    @Autowired FlagService flags;
    @Autowired DebateCatalog catalog;
    @Autowired TestAccounts testAccounts;
    @Autowired TestContent content;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void backToDefault() {
        jdbc.sql("delete from moderation_setting").update();
        TestAccounts.signOut();
    }

    @Test
    void an_admin_lowers_the_threshold_and_two_flags_then_hide_a_post() {
        assertThat(settings.autoHideFlags()).isEqualTo(settings.configuredAutoHideFlags());
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        settings.setAutoHideFlags(2);
        assertThat(flags.autoHideThreshold()).isEqualTo(2);
        var written = content.post("Flag me twice");
        for (int i = 0; i < 2; i++) {
            testAccounts.signIn(testAccounts.member());
            flags.flag(Target.post(written.post().id()), FlagReason.SPAM, null);
        }
        assertThat(catalog.post(written.post().id()).orElseThrow().hidden()).isTrue();
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        settings.setAutoHideFlags(null);
        assertThat(settings.autoHideFlags()).isEqualTo(settings.configuredAutoHideFlags());
    }

    @Test
    void only_admins_change_settings_and_only_within_range() {
        testAccounts.signIn(testAccounts.moderator());
        assertThatThrownBy(() -> settings.setAutoHideFlags(1)).isInstanceOf(AuthorizationDeniedException.class);
        testAccounts.signIn(testAccounts.staff(Role.ADMIN));
        assertThatThrownBy(() -> settings.setAutoHideFlags(0))
                .isInstanceOf(ModerationException.class).hasMessage("settings.autoHideRange");
    }
}
