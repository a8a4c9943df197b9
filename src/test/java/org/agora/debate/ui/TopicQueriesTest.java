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
import org.agora.debate.Relation;
import org.agora.debate.Stance;
import org.agora.debate.Topic;
import org.agora.support.IntegrationTest;
import org.agora.support.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A thread page costs the same few queries whatever its size: no query per post (no N+1). */
@IntegrationTest
class TopicQueriesTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired DebateService debates;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private Topic threadWith(int posts) {
        testAccounts.signIn(testAccounts.member());
        var topic = debates.startTopic("Queries " + UUID.randomUUID() + "?", 1, List.of(), Stance.NEUTRAL, "Opening", null);
        Long parent = null;
        for (int i = 0; i < posts; i++) {
            var p = debates.post(topic.id(), parent, i % 2 == 0 ? Stance.PRO : Stance.CON,
                    parent == null ? null : Relation.CHALLENGES, "Argument " + i, null);
            parent = i % 3 == 0 ? p.id() : null;
        }
        return topic;
    }

    private int statementsToOpen(Topic topic, boolean asMap) {
        StatementCounter.reset();
        UI.getCurrent().navigate(TopicView.class, new RouteParameters(Map.of("id", String.valueOf(topic.id()))));
        var view = (TopicView) getCurrentView();
        if (asMap) {
            StatementCounter.reset();
            view.modes.setSelectedTab(view.mapTab);
        }
        return StatementCounter.count();
    }

    @Test
    void opening_a_thread_costs_the_same_queries_for_5_or_60_posts() {
        var small = threadWith(5);
        var large = threadWith(60);
        int forSmall = statementsToOpen(small, false);
        int forLarge = statementsToOpen(large, false);
        assertThat(forLarge).isEqualTo(forSmall);
        assertThat(forLarge).isPositive().isLessThanOrEqualTo(15);
    }

    @Test
    void the_argument_map_costs_the_same_queries_for_5_or_60_posts() {
        var small = threadWith(5);
        var large = threadWith(60);
        assertThat(statementsToOpen(large, true)).isEqualTo(statementsToOpen(small, true)).isPositive().isLessThanOrEqualTo(10);
    }
}
