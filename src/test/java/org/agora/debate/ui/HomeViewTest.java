package org.agora.debate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class HomeViewTest extends SpringBrowserlessTest {
    private <T extends com.vaadin.flow.component.Component> T navigateWithQuery(Class<T> view, String name, String value) {
        com.vaadin.flow.component.UI.getCurrent().navigate(view, com.vaadin.flow.router.QueryParameters.of(name, value));
        return view.cast(getCurrentView());
    }

    static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void home_shows_the_eight_seeded_questions_in_order_and_the_six_categories() {
        var home = navigate(HomeView.class);
        assertThat(text($(H1.class).single())).isEqualTo("What will AI do to work, meaning and power?");
        var titles = $(H3.class, home.questions).all().stream().map(HomeViewTest::text).toList();
        assertThat(titles).hasSize(8);
        assertThat(titles.get(0)).isEqualTo("Will AI supplant most human jobs — and when?");
        assertThat(titles.get(3)).startsWith("Did xAI catch up with OpenAI and Google DeepMind");
        assertThat(titles.get(7)).contains("by 2030");
        assertThat(home.categories.getChildren().count()).isEqualTo(6);
    }

    @Test
    void threads_can_be_filtered_by_category() {
        var threads = navigateWithQuery(ThreadsView.class, "category", "compute-infrastructure");
        var titles = $(H3.class, threads.list).all().stream().map(HomeViewTest::text).toList();
        // other tests add threads to this category too (the database is shared): the seeded two are there, and no
        // thread of another category
        assertThat(titles).contains(
                "Rank what will matter most for AI progress",
                "Is a 100,000-GPU 'Gigafactory of Compute' the right path to more capable AI?")
                .doesNotContain("Will AI supplant most human jobs — and when?");
    }

    @Test
    void a_thread_page_shows_its_question_and_summary() {
        var topic = navigate("threads/4/did-xai-catch-up", TopicView.class);
        assertThat(topic.title.getText()).startsWith("Did xAI catch up");
        assertThat(topic.opening.getElement().getOuterHTML()).contains("awaits resolution").contains("Source:");
    }

    @Test
    void search_finds_threads_by_words_in_their_question() {
        var search = navigateWithQuery(SearchView.class, "q", "gigafactory");
        var titles = $(H3.class, search.results).all().stream().map(HomeViewTest::text).toList();
        assertThat(titles).first().isEqualTo("Is a 100,000-GPU 'Gigafactory of Compute' the right path to more capable AI?");
        var none = navigateWithQuery(SearchView.class, "q", "zzzqqq");
        assertThat(text(none.summary)).startsWith("No threads match");
    }
}
