package org.agora.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.agora.account.Account;
import org.agora.account.TestAccounts;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PollInsightsTest {
    @Autowired PollInsights insights;
    @Autowired PollService polls;
    @Autowired PollAuthoring authoring;
    @Autowired TestAccounts testAccounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private long poll(String question, boolean publicVoters, String... options) {
        testAccounts.signIn(testAccounts.member());
        return authoring.create(PollDraft.single(question, List.of(options))
                .withRules(ResultsVisibility.ALWAYS, publicVoters, null), true);
    }

    private void vote(Account member, long pollId, int position) {
        testAccounts.signIn(member);
        polls.vote(pollId, Ballot.ofOptions(List.of(polls.find(pollId).orElseThrow().options().get(position - 1).id())));
    }

    @Test
    void minds_moved_counts_changers_and_their_flows_from_first_to_current_answer() {
        long id = poll("Did anyone change their mind?", false, "Yes", "No");
        var members = testAccounts.members(3);
        vote(members.get(0), id, 1);
        vote(members.get(0), id, 2);          // Yes → No
        vote(members.get(1), id, 1);
        vote(members.get(1), id, 2);
        vote(members.get(1), id, 1);          // back where they started: no flow
        vote(members.get(2), id, 1);
        testAccounts.signIn(members.get(2));
        polls.retract(id);                     // Yes → no ballot
        var moved = insights.mindsMoved(id).orElseThrow();
        assertThat(moved.members()).isEqualTo(3);
        assertThat(moved.changes()).isEqualTo(3);
        assertThat(moved.retractions()).isEqualTo(1);
        assertThat(moved.flows()).containsExactlyInAnyOrder(new MindsMoved.Flow("Yes", "No", 1), new MindsMoved.Flow("Yes", null, 1));
        assertThat(moved.perMonth().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
    }

    @Test
    void a_cross_tab_withholds_cells_under_five_members_on_secret_polls() {
        long meaning = poll("Does life keep its meaning?", false, "Yes", "No");
        long agi = poll("AGI by 2030?", false, "Likely", "Unlikely");
        var members = testAccounts.members(7);
        for (int i = 0; i < 7; i++) {
            vote(members.get(i), meaning, 1);
            vote(members.get(i), agi, i < 5 ? 1 : 2);
        }
        var tab = insights.crossTab(meaning, agi).orElseThrow();
        assertThat(tab.respondents()).isEqualTo(7);
        var yes = tab.rowAnswers().getFirst().key();
        assertThat(tab.cell(yes, tab.columnAnswers().get(0).key())).isEqualTo(5);
        assertThat(tab.cell(yes, tab.columnAnswers().get(1).key())).isNull(); // 2 members: withheld
        assertThat(tab.cell(tab.rowAnswers().get(1).key(), tab.columnAnswers().get(0).key())).isZero();
        assertThat(insights.crossTabCandidates(meaning)).extracting(Poll::id).contains(agi);
    }

    @Test
    void a_cross_tab_of_two_public_polls_shows_every_cell() {
        long a = poll("Public question one?", true, "Yes", "No");
        long b = poll("Public question two?", true, "Yes", "No");
        var members = testAccounts.members(2);
        vote(members.get(0), a, 1);
        vote(members.get(0), b, 2);
        vote(members.get(1), a, 2);
        var tab = insights.crossTab(a, b).orElseThrow();
        assertThat(tab.respondents()).isEqualTo(1);
        assertThat(tab.cell(tab.rowAnswers().get(0).key(), tab.columnAnswers().get(1).key())).isEqualTo(1);
    }

    @Test
    void hidden_results_hide_the_insights_too() {
        testAccounts.signIn(testAccounts.member());
        long id = authoring.create(PollDraft.single("Results after close?", List.of("A", "B"))
                .withRules(ResultsVisibility.AFTER_CLOSE, false, null), true);
        vote(testAccounts.member(), id, 1);
        assertThat(insights.mindsMoved(id)).isEmpty();
        assertThat(insights.stanceSplit(id)).isEmpty();
        assertThat(insights.crossTabCandidates(id)).isEmpty();
    }

    @Test
    void the_community_forecast_history_follows_the_forecasts() {
        testAccounts.signIn(testAccounts.member());
        var closes = java.time.Instant.now().plusSeconds(86400 * 30);
        long id = authoring.create(PollDraft.forecast("Will the history chart move?", "If it moves.", closes, closes), true);
        var members = testAccounts.members(3);
        int[] forecasts = {20, 40, 90};
        for (int i = 0; i < 3; i++) {
            testAccounts.signIn(members.get(i));
            polls.vote(id, Ballot.ofValue(forecasts[i]));
        }
        var history = insights.forecastHistory(id, 50);
        assertThat(history).isNotEmpty();
        assertThat(history.getLast().forecasters()).isEqualTo(3);
        assertThat(history.getLast().percent()).isBetween(20.0, 90.0);
    }
}
