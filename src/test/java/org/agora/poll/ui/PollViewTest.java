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
    @Autowired org.agora.poll.PollAuthoring authoring;
    @Autowired org.agora.poll.PollEmbedding embedding;
    @Autowired org.agora.poll.TestPolls testPolls;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
    void each_click_on_vote_casts_exactly_one_ballot_however_often_the_member_changes_their_mind() {
        var poll = testPolls.single("Yes", "No");
        var member = testAccounts.member();
        testAccounts.signIn(member);
        var view = open(poll.id());
        String[] choices = {"Yes", "No", "Yes", "No", "Yes", "No"};
        for (String choice : choices) {
            test(view.card.single).selectItem(choice);
            test(view.card.vote).click();
        }
        assertThat(polls.myBallot(poll.id()).orElseThrow().options()).containsExactly(poll.options().get(1).id());
        long history = jdbc.sql("select count(*) from poll_ballot_history where poll_id = :poll")
                .param("poll", poll.id()).query(Long.class).single();
        assertThat(history).as("one history row per click: the first ballot and five changes").isEqualTo(choices.length);
        assertThat(view.card.vote.getText()).isEqualTo("Change my vote");
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

    @Test
    void the_author_embeds_a_poll_from_the_embed_dialog_and_sees_both_snippets_and_a_preview() {
        testAccounts.signIn(testAccounts.member());
        long id = authoring.create(org.agora.poll.PollDraft.single("Should newspapers embed AI polls?", java.util.List.of("Yes", "No")), true);
        var view = open(id);
        assertThat(view.embed.isAttached()).isTrue();
        var dialog = new EmbedDialog(embedding, polls.find(id).orElseThrow());
        dialog.enabled.setValue(true);
        dialog.origins.setValue("example.org");
        dialog.save();
        assertThat(dialog.origins.isInvalid()).isTrue();
        assertThat(embedding.settings(id).enabled()).isFalse();
        dialog.origins.setValue("https://Example.org/\nhttps://blog.example.net");
        dialog.anonymous.setValue(true);
        dialog.save();
        var saved = embedding.settings(id);
        assertThat(saved.embeddable()).isTrue();
        assertThat(saved.origins()).containsExactly("https://example.org", "https://blog.example.net");
        assertThat(saved.anonymousVoting()).isTrue();
        assertThat(dialog.componentSnippet.getValue()).contains("/widget/agora-poll.js").contains("<agora-poll poll=\"" + id + "\"");
        assertThat(dialog.iframeSnippet.getValue()).contains("/embed/poll/" + id).contains("agora-poll:resize");
        assertThat(dialog.preview.getElement().getOuterHTML()).contains("<iframe").contains("/embed/poll/" + id);
        assertThat(open(id).readers.getText()).contains("0 votes");
    }

    @Test
    void a_reader_and_another_member_get_no_embed_button() {
        testAccounts.signIn(testAccounts.member());
        long id = authoring.create(org.agora.poll.PollDraft.single("Who may embed this poll?", java.util.List.of("Yes", "No")), true);
        testAccounts.signIn(testAccounts.member());
        assertThat(open(id).embed.isAttached()).isFalse();
        TestAccounts.signOut();
        assertThat(open(id).embed.isAttached()).isFalse();
    }
}
