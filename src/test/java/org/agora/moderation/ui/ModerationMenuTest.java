package org.agora.moderation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class ModerationMenuTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private java.util.List<String> menu() {
        navigate("", com.vaadin.flow.component.Component.class);
        return $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void readers_see_the_public_sections_only() {
        assertThat(menu()).containsExactly("Home", "Threads", "Polls", "Leaderboard", "Search", "Transparency");
    }

    @Test
    @WithUserDetails(value = "alice", userDetailsServiceBeanName = "accountUserDetailsService")
    void members_see_their_account_but_not_moderation() {
        assertThat(menu()).contains("My account", "My flags").doesNotContain("Moderation");
    }

    @Test
    @WithUserDetails(value = "moderator", userDetailsServiceBeanName = "accountUserDetailsService")
    void moderators_see_the_moderation_console() {
        assertThat(menu()).contains("Moderation", "My account");
    }
}
