package org.agora.moderation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ModerationViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_dashboard_shows_figures_a_seven_day_chart_and_links() {
        testAccounts.signIn(testAccounts.moderator());
        UI.getCurrent().navigate(ModerationView.class);
        var view = (ModerationView) getCurrentView();
        assertThat(view.pendingFlags.getText()).matches("\\d+");
        String html = view.getElement().getOuterHTML();
        assertThat(html).contains("href=\"/moderation/queue\"").contains("href=\"/moderation/log\"");
        assertThat(view.chart.getElement().getOuterHTML()).contains("<svg").contains("<title")
                .contains("Moderation actions in the last 7 days");
        assertThat(view.chart.getElement().getOuterHTML().split("class=\"agora-chart-bar\"")).hasSize(8);
    }

    @Test
    void the_log_lists_refused_attempts_too() {
        testAccounts.signIn(testAccounts.moderator());
        UI.getCurrent().navigate(ModerationLogView.class);
        var view = (ModerationLogView) getCurrentView();
        test(view.outcome).selectItem("Refused");
        test(view.search).click();
        assertThat(view.rows.getElement().getTextRecursively()).contains("When");
    }
}
