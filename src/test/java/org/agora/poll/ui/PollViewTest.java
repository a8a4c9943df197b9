package org.agora.poll.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import org.agora.account.TestAccounts;
import org.agora.poll.PollService;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PollViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired PollService polls;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private PollView open(long id) {
        UI.getCurrent().navigate(PollView.class, new RouteParameters(Map.of("id", String.valueOf(id))));
        return (PollView) getCurrentView();
    }

    @Test
    void a_reader_sees_results_as_an_accessible_chart_and_a_sign_in_prompt() {
        var view = open(1);
        String html = view.card.getElement().getOuterHTML();
        assertThat(html).contains("When will AI supplant most human jobs?");
        assertThat(view.card.results.getElement().getOuterHTML()).contains("<svg").contains("<title").contains("Before 2030");
        assertThat(view.card.vote.isAttached()).isFalse();
        assertThat(view.card.getElement().getTextRecursively()).contains("Log in to vote");
    }

    @Test
    void a_member_votes_and_the_count_goes_up() {
        long before = polls.results(1).orElseThrow().voters();
        testAccounts.signIn(testAccounts.member());
        var view = open(1);
        test(view.card.single).selectItem("Never");
        test(view.card.vote).click();
        assertThat(polls.results(1).orElseThrow().voters()).isEqualTo(before + 1);
        assertThat(polls.myBallot(1)).isPresent();
        assertThat(view.card.results.getElement().getOuterHTML()).contains((before + 1) + " votes");
    }

    @Test
    void a_closed_forecast_takes_no_votes_and_says_so() {
        testAccounts.signIn(testAccounts.member());
        var view = open(4);
        assertThat(view.card.getElement().getTextRecursively()).contains("This poll is closed.");
        assertThat(view.card.vote.isAttached()).isFalse();
        assertThat(view.card.results.getElement().getOuterHTML()).contains("community forecast");
    }

    @Test
    void a_forecast_out_of_range_is_refused_and_nothing_counts() {
        testAccounts.signIn(testAccounts.member());
        long before = polls.results(8).orElseThrow().voters();
        var view = open(8);
        view.card.probability.setValue(100);
        test(view.card.vote).click();
        assertThat(polls.results(8).orElseThrow().voters()).isEqualTo(before);
        view.card.probability.setValue(72);
        test(view.card.vote).click();
        assertThat(polls.results(8).orElseThrow().voters()).isEqualTo(before + 1);
    }
}
