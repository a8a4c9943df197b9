package org.agora.debate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.agora.account.TestAccounts;
import org.agora.debate.DebateService;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class NewTopicViewTest extends SpringBrowserlessTest {
    @Autowired TestAccounts testAccounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void typed_tags_are_checked_at_once_and_refused_beyond_five_so_the_tag_list_stays_small() {
        testAccounts.signIn(testAccounts.member());
        var view = navigate(NewTopicView.class);
        int suggested = view.tags.getListDataView().getItemCount();

        view.addTypedTag("  Labour   Market ");
        assertThat(view.tags.getValue()).containsExactly("labour-market");
        assertThat(view.tags.isInvalid()).isFalse();

        view.addTypedTag("no_underscores!");
        assertThat(view.tags.isInvalid()).as("told at once, not only on submit").isTrue();
        assertThat(view.tags.getErrorMessage()).contains("“no_underscores!”").contains("30 lowercase letters");
        view.addTypedTag("x".repeat(100_000));
        assertThat(view.tags.getErrorMessage()).as("what was typed is named, not echoed whole").hasSizeLessThan(200);
        assertThat(view.tags.getValue()).containsExactly("labour-market");

        for (int i = 0; i < 600; i++) { // as a client that sends typed tags without end would
            view.addTypedTag("tag-" + i);
        }
        assertThat(view.tags.getValue()).hasSize(DebateService.TAGS_MAX).contains("labour-market");
        assertThat(view.tags.getErrorMessage()).isEqualTo("Use at most 5 tags.");
        assertThat(view.tags.getListDataView().getItemCount()).as("suggestions plus the chosen ones, never more")
                .isLessThanOrEqualTo(suggested + DebateService.TAGS_MAX);
    }
}
