package org.agora.debate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.Map;
import org.agora.support.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class ProfileViewTest extends SpringBrowserlessTest {
    @Test
    void a_public_profile_shows_the_members_posts_and_how_convincing_they_were() {
        UI.getCurrent().navigate(ProfileView.class, new RouteParameters(Map.of("username", "alice")));
        var view = (ProfileView) getCurrentView();
        assertThat(view.name.getText()).isEqualTo("Alice");
        assertThat(view.facts.getText()).contains("@alice").contains("found convincing");
        assertThat(view.posts.getElement().getOuterHTML()).contains("/threads/1/");
    }
}
