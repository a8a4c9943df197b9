package org.agora.moderation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.UUID;
import org.agora.account.Role;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.debate.Stance;
import org.agora.moderation.FlagReason;
import org.agora.moderation.FlagService;
import org.agora.moderation.ReviewQueue;
import org.agora.moderation.Target;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MyFlagsViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @Autowired FlagService flags;
    @Autowired ReviewQueue queue;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_member_sees_their_flags_and_what_became_of_them() {
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("My flags " + UUID.randomUUID() + "?", 2, List.of(), Stance.NEUTRAL, "Opening", null);
        var first = debates.post(topic.id(), null, Stance.PRO, null, "One", null);
        var second = debates.post(topic.id(), null, Stance.CON, null, "Two", null);
        var flagger = testAccounts.member();
        testAccounts.signIn(flagger);
        flags.flag(Target.post(first.id()), FlagReason.SPAM, null);
        flags.flag(Target.post(second.id()), FlagReason.OFF_TOPIC, null);
        testAccounts.signIn(testAccounts.moderator());
        queue.dismiss(queue.find(Target.post(first.id())).orElseThrow().id(), FlagReason.SPAM, "Not spam.");

        testAccounts.signIn(flagger);
        UI.getCurrent().navigate(MyFlagsView.class);
        var view = (MyFlagsView) getCurrentView();
        String text = view.rows.getElement().getTextRecursively();
        assertThat(text).contains("Spam or advertising").contains("Dismissed").contains("Off topic")
                .contains("Waiting for review").doesNotContain("Not spam.");
        assertThat(view.rows.getElement().getOuterHTML()).contains("#post-" + first.id());
    }
}
