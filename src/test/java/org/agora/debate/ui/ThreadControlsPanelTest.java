package org.agora.debate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ThreadControlsPanelTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private Topic topic() {
        testAccounts.signIn(testAccounts.member());
        return debates.startTopic("Panel test " + UUID.randomUUID() + "?", 1, List.of(), Stance.NEUTRAL, "Opening", null);
    }

    private TopicView open(Topic topic) {
        UI.getCurrent().navigate(TopicView.class, new RouteParameters(Map.of("id", String.valueOf(topic.id()))));
        return (TopicView) getCurrentView();
    }

    @Test
    void staff_lock_a_thread_from_its_page_with_a_reason() {
        var topic = topic();
        testAccounts.signIn(testAccounts.moderator());
        var view = open(topic);
        var panel = $(ThreadControlsPanel.class).single();
        test(panel.lock).click();
        assertThat(panel.reason.isInvalid()).isTrue();
        test(panel.reason).setValue("Off the rails.");
        test(panel.lock).click();
        assertThat(view.composerSlot.getElement().getTextRecursively()).contains("locked");
        panel = $(ThreadControlsPanel.class).single();
        assertThat(panel.lock.getText()).isEqualTo("Unlock thread");
        test(panel.reason).setValue("Slow down.");
        test(panel.slowMode).click();
        assertThat($(ThreadControlsPanel.class).single().state.getText()).contains("one post every 5 minutes");
    }

    @Test
    void members_see_no_thread_controls() {
        var topic = topic();
        var view = open(topic);
        assertThat(view.controlsSlot.getChildren()).isEmpty();
    }
}
