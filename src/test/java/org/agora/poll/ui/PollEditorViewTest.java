package org.agora.poll.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import org.agora.account.TestAccounts;
import org.agora.poll.Poll;
import org.agora.poll.PollAuthoring;
import org.agora.poll.PollKind;
import org.agora.poll.PollService;
import org.agora.poll.PollStatus;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PollEditorViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;
    @Autowired PollService polls;
    @Autowired PollAuthoring authoring;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private PollEditorView openNew() {
        testAccounts.signIn(testAccounts.member());
        UI.getCurrent().navigate(PollEditorView.class);
        return (PollEditorView) getCurrentView();
    }

    @Test
    void problems_are_shown_on_their_fields_and_nothing_typed_is_lost() {
        var view = openNew();
        test(view.question).setValue("Too");
        test(view.options.get(0)).setValue("Same");
        test(view.options.get(1)).setValue("same");
        test(view.publish).click();
        assertThat(view.question.isInvalid()).isTrue();
        assertThat(view.question.getErrorMessage()).contains("5 to 300 characters");
        assertThat(view.options.get(1).isInvalid()).isTrue();
        assertThat(view.options.get(1).getErrorMessage()).contains("appears twice");
        assertThat(view.question.getValue()).isEqualTo("Too");
        assertThat(view.options.get(0).getValue()).isEqualTo("Same");
        assertThat(view.publish.isEnabled()).isTrue();
    }

    @Test
    void the_preview_shows_the_poll_as_it_is_typed() {
        var view = openNew();
        test(view.question).setValue("Will *robots* take our jobs?");
        test(view.description).setValue("Read **the article** first.");
        test(view.options.get(0)).setValue("Yes");
        test(view.options.get(1)).setValue("<script>alert(1)</script>");
        String html = view.preview.getElement().getOuterHTML();
        assertThat(html).contains("Will *robots* take our jobs?").contains("<strong>the article</strong>")
                .contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void a_draft_is_saved_edited_later_and_published() {
        var view = openNew();
        test(view.kind).selectItem("Multiple choice");
        test(view.question).setValue("Which jobs are safe?");
        test(view.options.get(0)).setValue("Nurse");
        test(view.options.get(1)).setValue("Plumber");
        test(view.addOption).click();
        test(view.options.get(2)).setValue("Poet");
        test(view.minChoices).setValue(1);
        test(view.maxChoices).setValue(2);
        test(view.saveDraft).click();
        Poll draft = authoring.myDrafts().getFirst();
        assertThat(draft.status()).isEqualTo(PollStatus.DRAFT);
        assertThat(draft.kind()).isEqualTo(PollKind.MULTIPLE);
        assertThat(draft.options()).hasSize(3);

        UI.getCurrent().navigate(PollEditorView.class, new RouteParameters(Map.of("id", String.valueOf(draft.id()))));
        var edit = (PollEditorView) getCurrentView();
        assertThat(edit.question.getValue()).isEqualTo("Which jobs are safe?");
        assertThat(edit.options).extracting(f -> f.getValue()).containsExactly("Nurse", "Plumber", "Poet");
        test(edit.question).setValue("Which jobs are safest?");
        test(edit.publish).click();
        var published = polls.find(draft.id()).orElseThrow();
        assertThat(published.status()).isEqualTo(PollStatus.OPEN);
        assertThat(published.question()).isEqualTo("Which jobs are safest?");
        assertThat(published.maxChoices()).isEqualTo(2);
    }

    @Test
    void a_forecast_asks_for_criteria_and_dates() {
        var view = openNew();
        test(view.kind).selectItem("Forecast");
        assertThat(view.criteria.isVisible()).isTrue();
        assertThat(view.options.getFirst().isVisible()).isTrue(); // inside a hidden block
        test(view.question).setValue("Will it happen by 2030?");
        test(view.publish).click();
        assertThat(view.criteria.isInvalid()).isTrue();
        assertThat(view.closesAt.isInvalid()).isTrue();
    }
}
