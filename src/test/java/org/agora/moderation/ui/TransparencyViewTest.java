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
class TransparencyViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;
    @Autowired FlagService flags;
    @Autowired ReviewQueue queue;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_reader_sees_decisions_and_monthly_counts_without_names_or_words() {
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("Transparency " + UUID.randomUUID() + "?", 2, List.of(), Stance.NEUTRAL, "Opening", null);
        var author = testAccounts.member();
        testAccounts.signIn(author);
        String secret = "wallaby" + System.nanoTime();
        var post = debates.post(topic.id(), null, Stance.PRO, null, "Buy now " + secret, null);
        var flagger = testAccounts.member();
        testAccounts.signIn(flagger);
        flags.flag(Target.post(post.id()), FlagReason.SPAM, null);
        var moderator = testAccounts.moderator();
        testAccounts.signIn(moderator);
        queue.softDelete(queue.find(Target.post(post.id())).orElseThrow().id(), FlagReason.SPAM,
                "Advert " + secret);
        TestAccounts.signOut();

        UI.getCurrent().navigate(TransparencyView.class);
        var view = (TransparencyView) getCurrentView();
        String text = view.getElement().getTextRecursively();
        assertThat(view.actions.getElement().getTextRecursively()).contains("Delete").contains("Spam or advertising")
                .contains("Post");
        assertThat(view.monthly.getElement().getTextRecursively()).contains("Delete");
        assertThat(text).doesNotContain(secret).doesNotContain(moderator.username())
                .doesNotContain(flagger.username()).doesNotContain(author.username());
        assertThat(view.getElement().getOuterHTML()).contains("Decisions as CSV");
    }
}
